import { describe, expect, it } from 'vitest';
import { exceljsReader } from './exceljs-adapter.ts';
import { exportXlsx } from './export-workbook.ts';
import { readLedger } from './ledger-import.ts';
import { readExportedTable } from './read-exported.ts';
import { daxinganlingTemplate, entry, meta } from './test-support.ts';
import { xlsxBomb } from './xlsx-bomb.ts';

async function refusal(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (err) {
    return { code: (err as { code?: string }).code ?? 'none', message: (err as Error).message };
  }
  throw new Error('the workbook was read');
}

describe('a workbook past the size limits is refused before exceljs builds it', () => {
  // 5,000 rows of 200 cells: a 58 MiB sheet in a file of 212 KB.
  const honest = xlsxBomb({ rows: 5000, cellsPerRow: 200 });
  const lying = xlsxBomb({ rows: 5000, cellsPerRow: 200, lie: true });

  it('is a small file', () => {
    expect(honest.length).toBeLessThan(400 * 1024);
  });

  it('refuses a sheet that declares more than 50 MB, naming the limit (ledger reader)', async () => {
    const r = await refusal(readLedger(honest));
    expect(r.code).toBe('too-large');
    expect(r.message).toMatch(/xl\/worksheets\/sheet1\.xml inflates to 5\d\.\d MiB \(limit 50\.0 MiB\)/);
  });

  it('stops a sheet that declares 1 KB but inflates to more than 50 MB', async () => {
    const r = await refusal(exceljsReader.read(lying));
    expect(r.code).toBe('too-large');
    expect(r.message).toMatch(/inflates to more than 50 MiB \(limit\)/);
  });

  it('refuses more than 100,000 rows, however small the XML', async () => {
    const rows = xlsxBomb({ rows: 100_001, cellsPerRow: 1, cell: '<c r="{r}"><v>1</v></c>' });
    const r = await refusal(readLedger(rows));
    expect(r.code).toBe('too-large');
    expect(r.message).toMatch(/more than 100,000 rows \(limit\)/);
  });

  it('refuses a part over 1 MiB that inflates more than 200-fold', async () => {
    const dense = xlsxBomb({ rows: 1000, cellsPerRow: 2001, cell: '<c><v>1</v></c>' });
    const r = await refusal(readExportedTable(dense));
    expect(r.code).toBe('too-large');
    expect(r.message).toMatch(/sheet1\.xml inflates \d+-fold \(limit 200\)/);
  });

  it('refuses more than 2,000,000 cells', async () => {
    const cells = xlsxBomb({ rows: 1000, cellsPerRow: 2001, cell: '<c r="{r}"><v>1</v></c>' });
    const r = await refusal(readExportedTable(cells));
    expect(r.code).toBe('too-large');
    expect(r.message).toMatch(/more than 2,000,000 cells \(limit\)/);
  });

  it('reads a workbook just under the limits', async () => {
    const rows = xlsxBomb({
      rows: 2000,
      cellsPerRow: 2,
      cell: '<c r="{r}" t="inlineStr"><is><t>宣传</t></is></c>',
    });
    const sheets = await readLedger(rows);
    expect(sheets[0]?.rows).toHaveLength(2000);
  });

  it('still reads an exported ledger', async () => {
    const entries = Array.from({ length: 300 }, (_, i) => entry({ id: `e${i}`, title: `活动${i}` }));
    const bytes = await exportXlsx({
      template: daxinganlingTemplate(),
      meta: meta(),
      profile: null,
      entries,
      plans: [],
      stats: [],
    });
    const sheets = await readLedger(bytes);
    expect(sheets.find((s) => s.rows.length === 300)).toBeDefined();
  });
});
