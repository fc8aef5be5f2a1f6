import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { ExcelImportErrorCode } from './errors.ts';
import { exportXlsx } from './export-workbook.ts';
import { readLedger } from './ledger-import.ts';
import { readExportedTable } from './read-exported.ts';
import { rollup } from './rollup.ts';
import { daxinganlingTemplate, meta } from './test-support.ts';

const cfbBytes = (streams: Record<string, Uint8Array>) => {
  const cfb = XLSX.CFB.utils.cfb_new();
  for (const [name, data] of Object.entries(streams)) XLSX.CFB.utils.cfb_add(cfb, name, data);
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as number[]);
};

function randomBytes(n: number, seed = 7): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x & 0xff;
  }
  return out;
}

async function codeOf(p: Promise<unknown>): Promise<ExcelImportErrorCode | 'no error'> {
  try {
    await p;
    return 'no error';
  } catch (err) {
    if (err && typeof err === 'object' && 'code' in err) return err.code as ExcelImportErrorCode;
    throw err;
  }
}

describe('broken, non-Excel, legacy and protected files give a clear error', async () => {
  const good = await exportXlsx({
    template: daxinganlingTemplate(),
    meta: meta(),
    profile: null,
    entries: [],
    plans: [],
    stats: [],
  });
  const xlsWb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(xlsWb, XLSX.utils.aoa_to_sheet([['日期', '活动名称']]), 'Sheet1');
  const xls = new Uint8Array(XLSX.write(xlsWb, { type: 'array', bookType: 'xls' }) as ArrayBuffer);
  const zipNotXlsx = new Uint8Array(
    XLSX.CFB.write(
      (() => {
        const c = XLSX.CFB.utils.cfb_new();
        XLSX.CFB.utils.cfb_add(c, 'readme.txt', new TextEncoder().encode('hello'));
        return c;
      })(),
      { type: 'array', fileType: 'zip' },
    ) as number[],
  );
  // What Office writes for a password-protected .xlsx: a compound file with the encryption streams.
  const encrypted = cfbBytes({
    EncryptionInfo: new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0, ...randomBytes(120)]),
    EncryptedPackage: randomBytes(4096, 3),
  });

  const cases: [string, Uint8Array, ExcelImportErrorCode][] = [
    ['random bytes', randomBytes(2048), 'not-excel'],
    ['an empty file', new Uint8Array(0), 'empty'],
    ['a PDF', new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'not-excel'],
    ['a zip that is not a workbook', zipNotXlsx, 'not-excel'],
    ['a real .xls (BIFF8 in a compound file)', xls, 'xls-legacy'],
    ['an encrypted OOXML workbook', encrypted, 'encrypted'],
    ['a truncated .xlsx', good.slice(0, Math.floor(good.length / 2)), 'corrupt'],
  ];

  it('the .xls and encrypted fixtures start with the compound-file signature', () => {
    for (const b of [xls, encrypted]) expect([...b.slice(0, 4)]).toEqual([0xd0, 0xcf, 0x11, 0xe0]);
  });

  for (const [what, bytes, code] of cases) {
    it(`${what} → ${code} (ledger import and table import)`, async () => {
      expect(await codeOf(readLedger(bytes))).toBe(code);
      expect(await codeOf(readExportedTable(bytes))).toBe(code);
    });
  }

  it('errors carry an English message a person can act on', async () => {
    await expect(readLedger(xls)).rejects.toThrow(/save it as \.xlsx/);
    await expect(readLedger(encrypted)).rejects.toThrow(/password/);
  });

  it('a workbook that is not a Tianbao export is refused as a table to roll up', async () => {
    expect(await codeOf(readExportedTable(xls))).toBe('xls-legacy');
    const plain = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(plain, XLSX.utils.aoa_to_sheet([['日期', '活动名称']]), 'Sheet1');
    const bytes = new Uint8Array(XLSX.write(plain, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    expect(await codeOf(readExportedTable(bytes))).toBe('not-tianbao-export');
  });

  it('in a roll-up, an unreadable file is reported and nothing of it is summed', async () => {
    const r = await rollup(
      [
        { name: 'good.xlsx', bytes: good },
        { name: 'old.xls', bytes: xls },
      ],
      daxinganlingTemplate(),
    );
    expect(r.perUnit.map((u) => u.file)).toEqual(['good.xlsx']);
    expect(r.problems.filter((p) => p.excluded).map((p) => [p.code, p.file])).toEqual([
      ['unreadable', 'old.xls'],
    ]);
  });
});
