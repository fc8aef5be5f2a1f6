import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exceljsWriter } from '@tianbao/excel';
import { xlsxBomb } from '@tianbao/excel/xlsx-bomb';
import { describe, expect, it } from 'vitest';
import { tianbao } from '../test-cli.ts';

interface PrintedSlot {
  key: string;
  index: number;
  id: string;
  kind: string;
  unit: string;
  before: string;
  after: string;
  item: string;
  group: string;
}

// A small table no seed has: a vertical merge, a percent, a text blank and a 是/否.
const TITLE = '2023年“安全宣传进企业”活动统计表';
const HEADER_LINE = '填报单位：________ 联系人：______ 联系电话：______';
const ROWS = [
  ['项目', '', '要求', '完成情况'],
  ['进企业', '宣讲', '深入企业开展宣讲。', '开展宣讲（ ）场，覆盖职工（ ）人，覆盖率（ ）%。'],
  ['', '培训', '组织安全培训。', '以（ ）等形式开展培训（ ）期。'],
  ['保障', '保障', '落实经费。', '是否落实专项经费：□是□否'],
];
const EXPECTED = [
  ['text', '填报单位', ''],
  ['text', '联系人', ''],
  ['phone', '联系电话', ''],
  ['number', '开展宣讲', '场'],
  ['number', '覆盖职工', '人'],
  ['percent', '覆盖率', '%'],
  ['text', '以', '等形式开展培训'],
  ['number', '', '期'],
  ['boolean', '是否落实专项经费', ''],
];
const shape = (slots: PrintedSlot[]) => slots.map((s) => [s.kind, s.before, s.after]);

describe('tianbao templates / template (real CLI process)', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'tianbao-templates-'));

  it('lists the templates, as text and as JSON', async () => {
    const text = await tianbao('templates');
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/daxinganling-2020\s+87 slots/u);
    // Whose table and which year, not only the title (全区“安全生产月”…).
    expect(text.stdout).toMatch(/daxinganling-2020 .* 大兴安岭地区 2020年 {2}全区“安全生产月”/u);
    expect(text.stdout).toMatch(/baodi-2021 .* 天津市宝坻区 2021年 /u);
    const list = JSON.parse((await tianbao('templates', '--json')).stdout) as {
      id: string;
      title: string;
      slotCount: number;
    }[];
    expect(list.map((t) => [t.id, t.slotCount])).toEqual([
      ['daxinganling-2020', 87],
      ['baodi-2021', 42],
      ['liaoning-market-2020', 51],
      ['jiexi-2020', 0],
      ['changchun-industry-2019', 40],
      ['liaison', 12],
      ['plan', 7],
    ]);
  });

  it('prints a template with its slots in document order', async () => {
    const r = await tianbao('template', 'liaoning-market-2020', '--json');
    expect(r.status).toBe(0);
    const t = JSON.parse(r.stdout) as { id: string; slots: PrintedSlot[]; deadlines: { id: string }[] };
    const reference = JSON.parse(
      readFileSync(
        new URL('../../../../../shared/reference/liaoning-market-2020.json', import.meta.url),
        'utf8',
      ),
    ) as { slots: { kind: string; before: string; after: string; item: string; group: string }[] };
    expect(t.slots.map((s) => s.index)).toEqual(reference.slots.map((_, i) => i));
    expect(t.slots.map((s) => [s.kind, s.before, s.after, s.item, s.group])).toEqual(
      reference.slots.map((s) => [s.kind, s.before, s.after, s.item, s.group]),
    );
    for (const s of t.slots) {
      expect(s.key).toBe(`liaoning-market-2020/${s.id}`);
      expect(typeof s.unit).toBe('string');
    }
    expect(t.deadlines.map((d) => d.id)).toContain('later-summary-2020-12-20');
    const human = await tianbao('template', 'liaoning-market-2020');
    expect(human.stdout).toContain('weekday 4 17:00 in months 6');
  });

  it('imports pasted text, HTML and .xlsx into the same slots', async () => {
    const txt = join(dir, 'table.txt');
    writeFileSync(txt, [`附件1`, TITLE, HEADER_LINE, ...ROWS.map((r) => r.join('\t'))].join('\n'));
    const html = join(dir, 'table.html');
    writeFileSync(
      html,
      `<p>${TITLE}</p><p>${HEADER_LINE}</p><table><tr><th colspan="2">项目</th><th>要求</th><th>完成情况</th></tr>
       <tr><td rowspan="2">进企业</td><td>宣讲</td><td>${ROWS[1]?.[2]}</td><td>${ROWS[1]?.[3]}</td></tr>
       <tr><td>培训</td><td>${ROWS[2]?.[2]}</td><td>${ROWS[2]?.[3]}</td></tr>
       <tr><td colspan="2">保障</td><td>${ROWS[3]?.[2]}</td><td>${ROWS[3]?.[3]}</td></tr></table>`,
    );
    const xlsx = join(dir, 'table.xlsx');
    const bytes = await exceljsWriter.toBytes({
      styles: {},
      sheets: [
        {
          name: '统计表',
          rows: [[TITLE], [HEADER_LINE], ...ROWS].map((cells) => ({
            cells: cells.map((c) => (c === '' ? null : c)),
          })),
          merges: [
            { top: 3, left: 1, bottom: 3, right: 2 },
            { top: 4, left: 1, bottom: 5, right: 1 },
            { top: 6, left: 1, bottom: 6, right: 2 },
          ],
        },
      ],
    });
    writeFileSync(xlsx, bytes);

    const results = await Promise.all(
      [txt, html, xlsx].map(async (file) => {
        const r = await tianbao('template', 'import', file, '--json', '--id', 'jinqiye-2023');
        expect(r.status, `${file}: ${r.stderr}`).toBe(0);
        for (const line of r.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^warning: /u);
        return JSON.parse(r.stdout) as { id: string; title: string; slots: PrintedSlot[] };
      }),
    );
    for (const t of results) {
      expect(t.id).toBe('jinqiye-2023');
      expect(t.title).toBe(TITLE);
      expect(shape(t.slots)).toEqual(EXPECTED);
    }
    // Same blanks, same ids, whatever the file type.
    expect(results[1]?.slots.map((s) => s.id)).toEqual(results[0]?.slots.map((s) => s.id));
    expect(results[2]?.slots.map((s) => [s.group, s.item])).toEqual(
      results[1]?.slots.map((s) => [s.group, s.item]),
    );
  });

  it('reads the deadlines of a notice given with --notice', async () => {
    const txt = join(dir, 'table2.txt');
    writeFileSync(txt, [TITLE, ...ROWS.map((r) => r.join('\t'))].join('\n'));
    const notice = join(dir, 'notice.txt');
    writeFileSync(
      notice,
      '请各单位于5月20日前确定联络员，6月份每周三10时前报送活动图片，7月5日前报送总结和统计表。',
    );
    const r = await tianbao('template', 'import', txt, '--notice', notice, '--json');
    expect(r.status).toBe(0);
    const t = JSON.parse(r.stdout) as { deadlines: { id: string }[] };
    expect(t.deadlines.map((d) => d.id)).toEqual([
      'liaison-2023-05-20',
      'weekly-w3-10h',
      'summary-2023-07-05',
      'table-2023-07-05',
    ]);
  });

  it('prints the deadlines and media requirements of a notice (jiexi-2020 has no table)', async () => {
    const notice = fileURLToPath(
      new URL('../../../../../shared/seeds/003_ff92907d3fcb8d68.txt', import.meta.url),
    );
    const r = await tianbao('template', 'deadlines', notice, '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as {
      year: number;
      deadlines: { id: string }[];
      media: { kind: string }[];
    };
    expect(out.year).toBe(2020);
    expect(out.deadlines.map((d) => d.id)).toEqual([
      'liaison-2020-06-05',
      'plan-2020-06-05',
      'weekly-w4',
      'monthly-d28',
      'summary-2020-07-10',
    ]);
    expect(out.media.map((m) => m.kind)).toEqual(['video', 'image']);
  });

  it('fails with a clear message on stderr and a non-zero exit for what is not a table', async () => {
    const prose = join(dir, 'prose.txt');
    writeFileSync(prose, '各单位：\n请认真组织实施。\n特此通知。');
    const r = await tianbao('template', 'import', prose, '--json');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: .*No table found.*\(not-a-table\)\n$/u);

    const broken = join(dir, 'broken.xlsx');
    writeFileSync(broken, 'not really a spreadsheet');
    const b = await tianbao('template', 'import', broken);
    expect(b.status).toBe(1);
    expect(b.stderr).toMatch(/^error: /u);

    const missing = await tianbao('template', 'import', join(dir, 'missing.txt'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^error: cannot read/u);

    // A 212 KB workbook whose sheet inflates to 58 MiB: refused before it is parsed, the limit named.
    const bomb = join(dir, 'bomb.xlsx');
    writeFileSync(bomb, xlsxBomb({ rows: 5000, cellsPerRow: 200 }));
    const z = await tianbao('template', 'import', bomb);
    expect(z.status).toBe(1);
    expect(z.stderr).toMatch(
      /^error: .*bomb\.xlsx: The workbook is too large to read safely: .* inflates to 58\.\d MiB \(limit 50\.0 MiB\)/u,
    );

    const unknown = await tianbao('template', 'nope', '--json');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('unknown template "nope"');
  });
});
