import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { seedNoticeDocx } from '../scripts/seed-notice-docx.ts';
import { SEED_SOURCES } from './builtin/seed-sources.ts';
import { getTemplate } from './builtins.ts';
import { readNoticeFile } from './notice-file.ts';
import { NoticeFileError } from './notice-file-error.ts';
import { loadNodePdfJs } from './pdfjs-node.ts';
import type { Template } from './template.ts';

// The shared folder sits beside the repo (CI clones it there); only tests read it.
const shared = new URL('../../../../shared/', import.meta.url);
const seedText = (file: string) => readFileSync(new URL(`seeds/${file}`, shared), 'utf8');
const source = (id: string) => {
  const s = SEED_SOURCES.find((x) => x.id === id);
  if (!s) throw new Error(id);
  return s;
};
const docxOf = (id: string) => seedNoticeDocx(seedText(source(id).file), source(id));
const read = (bytes: Uint8Array, name: string) => readNoticeFile(bytes, name, { pdfjs: loadNodePdfJs });

/** What a template says, without where it came from (file name, id): the part that must equal the built-in. */
const content = (t: Template | undefined) =>
  t && {
    title: t.title,
    kind: t.kind,
    columns: t.columns,
    headerFields: t.headerFields,
    rows: t.rows,
    slots: t.slots,
    deadlines: t.deadlines,
    media: t.media,
    campaign: t.campaign,
  };

const work = mkdtempSync(join(tmpdir(), 'tianbao-notice-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** LibreOffice in a profile of its own, so it never meets another soffice running on the machine. Awaited, not
 * spawnSync: a conversion takes seconds, and a worker blocked that long misses vitest's RPC. */
async function soffice(input: string, filter = 'pdf'): Promise<Uint8Array> {
  await promisify(execFile)(
    'soffice',
    [
      `-env:UserInstallation=file://${work}/lo-profile`,
      '--headless',
      '--convert-to',
      filter,
      '--outdir',
      work,
      input,
    ],
    { timeout: 180_000 },
  ).catch((e: { stderr?: string }) => {
    throw new Error(`soffice failed: ${e.stderr}`);
  });
  return new Uint8Array(readFileSync(input.replace(/\.docx$/u, '.pdf')));
}

describe('a .docx notice (the seeds turned back into Word files, tables as Word tables)', () => {
  for (const id of ['daxinganling-2020', 'baodi-2021', 'liaoning-market-2020', 'changchun-industry-2019']) {
    it(`${id}: the statistics table equals the built-in, with the notice's deadlines`, async () => {
      const result = await read(await docxOf(id), `${id}.docx`);
      expect(result.format).toBe('docx');
      expect(result.templates).toHaveLength(1);
      expect(content(result.templates[0])).toEqual(content(getTemplate(id)));
      expect(result.deadlines).toEqual(getTemplate(id)?.deadlines);
    });
  }

  it('jiexi-2020 (a plan without a table): the schedule and media requirements of the notice', async () => {
    const result = await read(await docxOf('jiexi-2020'), 'jiexi.docx');
    const builtin = getTemplate('jiexi-2020');
    expect(result.templates).toEqual([]);
    expect(result.deadlines).toEqual(builtin?.deadlines);
    expect(result.media).toEqual(builtin?.media);
    expect(result.deadlines.find((d) => d.kind === 'monthly')).toMatchObject({
      dayOfMonth: 28,
      months: [7, 8, 9, 10, 11, 12],
      paper: true,
    });
    expect(result.warnings.map((w) => w.code)).toContain('no-statistics');
  });

  it('reads the issuing office, document number, campaign dates, liaison form and deadlines with their form', async () => {
    const result = await read(await docxOf('daxinganling-2020'), 'dx.docx');
    expect(result.issuer).toBe('大兴安岭地区行政公署安全生产委员会办公室');
    expect(result.documentNumber).toBe('大安办发〔2020〕26号');
    expect(result.title).toBe('关于印发2020年全区“安全生产月”和“安全生产兴安行”活动方案的通知');
    expect(result.campaign).toMatchObject({ start: '2020-06-01', end: '2020-06-30' });
    expect(result.campaign?.source).toMatch(/6月1日—30日/u);
    expect(result.liaison?.fields.map((f) => f.id)).toEqual([
      'name',
      'gender',
      'title',
      'officePhone',
      'mobile',
      'fax',
      'qq',
      'wechat',
      'email',
      'unitName',
      'address',
    ]);
    const summary = result.deadlines.find((d) => d.kind === 'summary');
    expect(summary).toMatchObject({ date: '2020-06-30', paper: true, seal: true, electronic: true });
  });

  it('reads the 重点活动计划安排 columns from a sample outline, and the liaison form without QQ', async () => {
    const result = await read(await docxOf('baodi-2021'), 'baodi.docx');
    expect(result.plan?.fields.map((f) => f.label)).toEqual([
      '时间',
      '地点',
      '活动主要内容',
      '主办单位',
      '协助单位',
      '工作分工',
      '成果形式',
    ]);
    expect(result.liaison?.fields.map((f) => f.id)).not.toContain('qq');
    expect(result.issuer).toBe('天津市宝坻区安全生产委员会办公室');
    expect(result.documentNumber).toBeUndefined();
  });

  it('reads the weekly deadline with its hour and the liaoning notice document number', async () => {
    const result = await read(await docxOf('liaoning-market-2020'), 'ln.docx');
    expect(result.documentNumber).toBe('辽市监发〔2020〕27号');
    expect(result.issuer).toBe('辽宁省市场监督管理局');
    expect(result.deadlines.find((d) => d.kind === 'weekly')).toMatchObject({
      weekday: 4,
      hour: 17,
      months: [6],
    });
    expect(result.deadlines.find((d) => d.kind === 'later-summary')).toMatchObject({
      date: '2020-12-20',
      paper: true,
    });
  });
});

describe('a PDF notice (made by LibreOffice from the .docx, with its text layer)', {
  timeout: 240_000,
}, () => {
  it('baodi-2021: the table rebuilt from ruling lines and text positions equals the built-in', async () => {
    const docx = join(work, 'baodi-2021.docx');
    writeFileSync(docx, await docxOf('baodi-2021'));
    const pdf = await soffice(docx);
    const result = await read(pdf, 'baodi-2021.pdf');
    expect(result.format).toBe('pdf');
    expect(result.templates).toHaveLength(1);
    expect(content(result.templates[0])).toEqual(content(getTemplate('baodi-2021')));
    expect(result.deadlines).toEqual(getTemplate('baodi-2021')?.deadlines);
    expect(result.plan?.fields).toHaveLength(7);
    expect(result.liaison?.fields.length).toBe(10);
    // The table runs over a page break, which the person is told to check.
    expect(result.warnings.map((w) => w.code)).toContain('page-break');
  });

  it('a password-protected PDF is refused with what to do instead', async () => {
    const docx = join(work, 'locked.docx');
    writeFileSync(docx, await docxOf('jiexi-2020'));
    const pdf = await soffice(
      docx,
      'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}',
    );
    const err = await read(pdf, 'locked.pdf').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NoticeFileError);
    expect((err as NoticeFileError).code).toBe('encrypted-pdf');
    expect((err as NoticeFileError).messageZh).toMatch(/密码.*\.docx/u);
  });
});

/** A one-page PDF that only paints a grey rectangle: what a scan looks like to a text reader. */
function imageOnlyPdf(): Uint8Array {
  const stream = '0.5 g 50 50 400 600 re f';
  const objects = [
    '<</Type/Catalog/Pages 2 0 R>>',
    '<</Type/Pages/Kids[3 0 R]/Count 1>>',
    '<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<<>>>>',
    `<</Length ${stream.length}>>\nstream\n${stream}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

/** A zip whose one entry inflates to `size` zero bytes (a decompression bomb when large). */
function zipOf(name: string, size: number): Uint8Array {
  const data = deflateRawSync(Buffer.alloc(size));
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const cdStart = 30 + nameBytes.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + nameBytes.length, 12);
  end.writeUInt32LE(cdStart, 16);
  return new Uint8Array(Buffer.concat([local, nameBytes, data, central, nameBytes, end]));
}

describe('files that are refused, each with a Chinese message saying what to do instead', () => {
  const refusal = async (bytes: Uint8Array, name: string) => {
    const err = await read(bytes, name).catch((e: unknown) => e);
    expect(err, name).toBeInstanceOf(NoticeFileError);
    return err as NoticeFileError;
  };
  const ole2 = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);

  it('.doc: save as .docx', async () => {
    const err = await refusal(ole2, '关于开展安全生产月活动的通知.doc');
    expect(err.code).toBe('old-word');
    expect(err.messageZh).toMatch(/旧版 Word（\.doc）.*另存为.*\.docx/u);
    expect(err.message).toMatch(/Save As/u);
  });

  it('.wps: save as .docx in WPS', async () => {
    const err = await refusal(ole2, '通知.wps');
    expect(err.messageZh).toMatch(/WPS 文字（\.wps）.*另存为.*\.docx/u);
  });

  it('a .docx with a password (Word stores it as an OLE2 file)', async () => {
    expect((await refusal(ole2, '通知.docx')).messageZh).toMatch(/密码/u);
  });

  it('a scanned PDF without text: ask for the .docx or paste', async () => {
    const err = await refusal(imageOnlyPdf(), 'scan.pdf');
    expect(err.code).toBe('no-text-layer');
    expect(err.messageZh).toMatch(/扫描件.*\.docx.*粘贴/u);
  });

  it('a zip that would inflate past the limit is stopped before inflating', async () => {
    const started = performance.now();
    const err = await refusal(zipOf('word/document.xml', 60 * 1024 * 1024), 'bomb.docx');
    expect(err.code).toBe('too-large');
    expect(err.messageZh).toMatch(/文件过大/u);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('a damaged .docx and a file over 30 MiB', async () => {
    const damaged = await docxOf('baodi-2021');
    expect((await refusal(damaged.slice(0, 2000), 'cut.docx')).code).toBe('unreadable');
    expect((await refusal(new Uint8Array(31 * 1024 * 1024), 'big.docx')).code).toBe('too-large');
  });

  it('an .xlsx dropped as a notice', async () => {
    const err = await refusal(zipOf('xl/workbook.xml', 100), '统计表.xlsx');
    expect(err.code).toBe('wrong-type');
    expect(err.messageZh).toMatch(/Excel/u);
  });
});

describe('a notice saved as text or a web page', () => {
  it('reads the table of a pasted notice text the way the paste box does', async () => {
    const text = seedText(source('baodi-2021').file);
    const result = await read(new TextEncoder().encode(text), 'notice.txt');
    expect(result.format).toBe('text');
    expect(result.templates[0]?.slots.map((s) => s.id)).toEqual(
      getTemplate('baodi-2021')?.slots.map((s) => s.id),
    );
  });
});
