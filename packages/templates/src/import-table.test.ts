import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getTemplate } from './builtins.ts';
import { TemplateImportError } from './errors.ts';
import { type ImportInput, importTable, parseTemplate } from './import-table.ts';

// A table none of the seeds has: merged cells (rowspan and colspan), percents, text blanks, both 是/否 styles,
// a 万元 unit and the 填报人/联系电话/填报时间 header variants.
const REQ = {
  a: '在公共场所开展集中宣传咨询活动。',
  b: '利用电视、网络等媒体宣传。',
  c: '组织学校、企业开展疏散演练。',
  d: '演练后形成评估报告。',
  e: '成立工作专班，保障经费。',
};
const PROGRESS = {
  a: '开展集中宣传（ ）场，发放资料（ ）份，群众知晓率达到（ ）%。',
  b: '通过（ ）等媒体发布信息（ ）条；主要做法：（ ）。',
  c: '组织演练（ ）次，参演（ ）人次，其中学生占比（ ）%。',
  d: '是否形成演练评估报告：□是 □否',
  e: '是否成立工作专班：是□ 否□；投入经费（ ）万元。',
};
const ABOVE =
  '附件2\n2022年“防灾减灾宣传周”活动情况统计表\n填报单位：__________  填报人：______  联系电话：______  填报时间：______';

const HTML = `<p>附件2</p><p>2022年“防灾减灾宣传周”活动情况统计表</p>
<p>填报单位：__________&nbsp; 填报人：______ 联系电话：______ 填报时间：______</p>
<table border="1">
  <tr><th colspan="2">项目</th><th>工作要求</th><th>完成情况</th></tr>
  <tr><td rowspan="2">宣传 活动</td><td>开展集中宣传</td><td>${REQ.a}</td><td>${PROGRESS.a}</td></tr>
  <tr><td>媒体宣传</td><td>${REQ.b}</td><td><p>通过（ ）等媒体发布信息（ ）条；</p><p>主要做法：（ ）。</p></td></tr>
  <tr><td rowspan="2">应急演练</td><td>组织应急演练</td><td>${REQ.c}</td><td>${PROGRESS.c}</td></tr>
  <tr><td>演练评估</td><td>${REQ.d}</td><td>是否形成演练评估报告：<input type="checkbox"> 是 <input type="checkbox"> 否</td></tr>
  <tr><td colspan="2">组织保障</td><td>${REQ.e}</td><td>${PROGRESS.e}</td></tr>
</table>`;

// The same table as a spreadsheet grid (what @tianbao/excel's reader gives for an .xlsx).
const GRID: ImportInput = {
  kind: 'grid',
  rows: [
    ['附件2'],
    ['2022年“防灾减灾宣传周”活动情况统计表'],
    ['填报单位：', '', '填报人：', '', '联系电话：', '', '填报时间：'],
    ['项目', '', '工作要求', '完成情况'],
    ['宣传活动', '开展集中宣传', REQ.a, PROGRESS.a],
    ['', '媒体宣传', REQ.b, PROGRESS.b],
    ['应急演练', '组织应急演练', REQ.c, PROGRESS.c],
    ['', '演练评估', REQ.d, PROGRESS.d],
    ['组织保障', '', REQ.e, PROGRESS.e],
  ],
  merges: [
    { row: 3, col: 0, rowSpan: 1, colSpan: 2 },
    { row: 4, col: 0, rowSpan: 2, colSpan: 1 },
    { row: 6, col: 0, rowSpan: 2, colSpan: 1 },
    { row: 8, col: 0, rowSpan: 1, colSpan: 2 },
  ],
};

const HEADER = [
  ['text', '', '填报单位', ''],
  ['text', '', '填报人', ''],
  ['phone', '', '联系电话', ''],
  ['date', '', '填报时间', ''],
];
const EXPECTED: [kind: string, unit: string, group: string, item: string, before: string, after: string][] = [
  ...HEADER.map(([kind, unit, before, after]) => [kind, unit, '', '', before, after] as never),
  ['number', '场', '宣传活动', '开展集中宣传', '开展集中宣传', '场'],
  ['number', '份', '宣传活动', '开展集中宣传', '发放资料', '份'],
  ['percent', '%', '宣传活动', '开展集中宣传', '群众知晓率达到', '%'],
  ['text', '', '宣传活动', '媒体宣传', '通过', '等媒体发布信息'],
  ['number', '条', '宣传活动', '媒体宣传', '', '条'],
  ['text', '', '宣传活动', '媒体宣传', '主要做法', ''],
  ['number', '次', '应急演练', '组织应急演练', '组织演练', '次'],
  ['number', '人次', '应急演练', '组织应急演练', '参演', '人次'],
  ['percent', '%', '应急演练', '组织应急演练', '其中学生占比', '%'],
  ['boolean', '', '应急演练', '演练评估', '是否形成演练评估报告', ''],
  ['boolean', '', '组织保障', '组织保障', '是否成立工作专班', ''],
  ['number', '万元', '组织保障', '组织保障', '投入经费', '万元'],
];

function shape(input: ImportInput) {
  const { template } = importTable(input, { id: 'jianzai-2022' });
  return template.slots.map((s) => [s.kind, s.unit, s.group, s.item, s.before, s.after]);
}

describe('importing a table no seed has', () => {
  it('reads HTML with rowspan/colspan, percents, text blanks and 是/否', () => {
    const { template } = importTable(HTML, { id: 'jianzai-2022' });
    expect(template.title).toBe('2022年“防灾减灾宣传周”活动情况统计表');
    expect(template.source.attachment).toBe('附件2');
    expect(template.slots.map((s) => [s.kind, s.unit, s.group, s.item, s.before, s.after])).toEqual(EXPECTED);
    expect(template.slots.map((s) => s.index)).toEqual(EXPECTED.map((_, i) => i));
    expect(template.slots.map((s) => s.section)).toEqual(
      EXPECTED.map((_, i) => (i < 4 ? 'header' : 'table')),
    );
    expect(template.headerFields.map((h) => h.slotId)).toEqual([
      'header-unit',
      'header-contact',
      'header-phone',
      'header-date',
    ]);
    expect(template.rows.map((r) => r.requirement)).toEqual(Object.values(REQ));
    expect(template.columns).toEqual(['项目', '项目', '工作要求', '完成情况']);
  });

  it('reads the same table from a spreadsheet grid with merges', () => {
    expect(shape(GRID)).toEqual(EXPECTED);
  });

  it('reads the same table pasted as text (vertical merges as empty cells)', () => {
    const text = [
      ABOVE,
      '\t项目\t工作要求\t完成情况',
      `宣传活动\t开展集中宣传\t${REQ.a}\t${PROGRESS.a}`,
      `\t媒体宣传\t${REQ.b}\t${PROGRESS.b}`,
      `应急演练\t组织应急演练\t${REQ.c}\t${PROGRESS.c}`,
      // Word drops the covered cell entirely: the row is one cell short on the left.
      `演练评估\t${REQ.d}\t${PROGRESS.d}`,
      `组织保障\t组织保障\t${REQ.e}\t${PROGRESS.e}`,
    ].join('\n');
    expect(shape(text)).toEqual(EXPECTED);
  });

  it('gives the same slot ids whatever the input format', () => {
    const ids = (input: ImportInput) => importTable(input, { id: 'x' }).template.slots.map((s) => s.id);
    expect(ids(GRID)).toEqual(ids(HTML));
  });

  it('keeps every slot id when a row is inserted above', () => {
    const before = importTable(HTML, { id: 'x' }).template;
    const inserted = HTML.replace(
      '<tr><td rowspan="2">应急演练</td>',
      '<tr><td>新增项目</td><td>新增</td><td>新要求</td><td>新增活动（ ）场，参与（ ）人次。</td></tr><tr><td rowspan="2">应急演练</td>',
    );
    const after = importTable(inserted, { id: 'x' }).template;
    expect(after.slots.length).toBe(before.slots.length + 2);
    const afterIds = new Set(after.slots.map((s) => s.id));
    for (const s of before.slots) expect(afterIds.has(s.id), `${s.before}（ ）${s.after}`).toBe(true);
    // …while the indexes of the blanks below the new row move.
    const moved = after.slots.find((s) => s.id === before.slots[10]?.id);
    expect(moved?.index).toBe(12);
  });

  it('reports text blanks as warnings for the user to check', () => {
    const { warnings } = importTable(HTML, { id: 'x' });
    expect(warnings.some((w) => w.includes('等媒体发布信息'))).toBe(true);
  });

  it('reads deadlines and media hints from the notice text', () => {
    const { template } = importTable(HTML, {
      id: 'x',
      noticeText:
        '请各单位于5月10日前报送联络员推荐表，5月每周五16时前报送活动图片、视频（格式为MP4），5月20日前报送活动总结和统计表。',
    });
    expect(template.deadlines.map((d) => d.id)).toEqual([
      'liaison-2022-05-10',
      'weekly-w5-16h',
      'summary-2022-05-20',
      'table-2022-05-20',
    ]);
    expect(template.media).toEqual([expect.objectContaining({ kind: 'video', formats: ['MP4'] })]);
  });
});

describe('inputs that are not a table', () => {
  const cases: [string, ImportInput, string][] = [
    ['empty text', '', 'empty-input'],
    ['whitespace', '  \n\t\n ', 'empty-input'],
    ['prose', '各单位：\n请于5月27日前报送联络员推荐表。\n联系人：张三', 'not-a-table'],
    ['json', '{"rows": [1, 2, 3]}', 'not-a-table'],
    ['html without a table', '<html><body><p>通知</p><p>请按时报送。</p></body></html>', 'not-a-table'],
    ['a table without blanks', '姓名\t性别\t职务\n张三\t男\t科长', 'no-blanks'],
    ['an html table without blanks', '<table><tr><td>姓名</td><td>张三</td></tr></table>', 'no-blanks'],
    ['an empty grid', { kind: 'grid', rows: [] }, 'empty-input'],
    ['binary noise', '\u0000\u0001PK\u0003\u0004\u00ff\u00fe', 'not-a-table'],
  ];
  for (const [name, input, code] of cases) {
    it(`${name}: ${code}`, () => {
      let error: unknown;
      try {
        importTable(input);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(TemplateImportError);
      expect((error as TemplateImportError).code).toBe(code);
      expect((error as TemplateImportError).message).toMatch(/^[A-Z]/u);
    });
  }
});

describe('pasting a whole seed notice, not just its table', () => {
  const shared = new URL('../../../../shared/', import.meta.url);
  for (const [id, file] of [
    ['baodi-2021', '001_f5ef0da1a26f2e55.txt'],
    ['changchun-industry-2019', '004_7cd73d9cfe9c13c8.txt'],
  ] as const) {
    it(`${id}: finds the same slots and the notice's deadlines`, () => {
      const text = readFileSync(new URL(`seeds/${file}`, shared), 'utf8');
      const { template } = importTable(text, { id });
      const builtin = getTemplate(id);
      expect(template.slots).toEqual(builtin?.slots);
      expect(template.title).toBe(builtin?.title);
      expect(template.deadlines).toEqual(builtin?.deadlines);
    });
  }
});

describe('a table copied from a spreadsheet (Excel/WPS clipboard text)', () => {
  it('reads quoted cells with line breaks as one cell', () => {
    const text = [
      '2022年“防灾减灾宣传周”活动情况统计表',
      '类别\t项目\t工作要求\t完成情况',
      `宣传活动\t开展集中宣传\t${REQ.a}\t"开展集中宣传（ ）场，发放资料（ ）份，\n群众知晓率达到（ ）%。"`,
      `\t媒体宣传\t"利用电视、网络等""新媒体""宣传。"\t"通过（ ）等媒体发布信息（ ）条；\n主要做法：（ ）。"`,
    ].join('\n');
    const { template } = importTable(text, { id: 'x' });
    expect(template.slots.map((s) => [s.item, s.before, s.after])).toEqual([
      ['开展集中宣传', '开展集中宣传', '场'],
      ['开展集中宣传', '发放资料', '份'],
      ['开展集中宣传', '群众知晓率达到', '%'],
      ['媒体宣传', '通过', '等媒体发布信息'],
      ['媒体宣传', '', '条'],
      ['媒体宣传', '主要做法', ''],
    ]);
    expect(template.rows[1]?.requirement).toBe('利用电视、网络等"新媒体"宣传。');
  });
});

describe('template ids and stored templates', () => {
  it('refuses an id that cannot be part of a slot key', () => {
    expect(() => importTable(HTML, { id: 'My Table/2' })).toThrow(
      expect.objectContaining({ code: 'invalid-id', message: expect.stringContaining('lower-case') }),
    );
  });

  it('reads a saved template back, and says what is wrong with a broken one', () => {
    const { template } = importTable(HTML, { id: 'jianzai-2022' });
    expect(parseTemplate(JSON.parse(JSON.stringify(template)))).toEqual(template);
    const broken = { ...template, slots: [{ ...template.slots[0], kind: 'money' }] };
    expect(() => parseTemplate(broken)).toThrow(expect.objectContaining({ code: 'invalid-template' }));
    expect(() => parseTemplate(broken)).toThrow(/slots\[0\]\.kind|slots\.0\.kind/u);
  });
});

describe('a table saved as .csv', () => {
  it('reads commas, quoted cells with commas and line breaks, and empty merged cells', () => {
    const csv = [
      '\uFEFF2022年“防灾减灾宣传周”活动情况统计表,,,',
      '填报单位：______,,,',
      '类别,项目,工作要求,完成情况',
      `宣传活动,开展集中宣传,"在公共场所开展集中宣传咨询活动。","开展集中宣传（ ）场，发放资料（ ）份，\n群众知晓率达到（ ）%。"`,
      `,媒体宣传,"利用电视、网络等媒体宣传。","通过（ ）等媒体发布信息（ ）条；主要做法：（ ）。"`,
    ].join('\r\n');
    const { template } = importTable({ kind: 'csv', text: csv }, { id: 'x' });
    expect(template.title).toBe('2022年“防灾减灾宣传周”活动情况统计表');
    expect(template.slots.map((s) => [s.group, s.item, s.before, s.after])).toEqual([
      ['', '', '填报单位', ''],
      ['宣传活动', '开展集中宣传', '开展集中宣传', '场'],
      ['宣传活动', '开展集中宣传', '发放资料', '份'],
      ['宣传活动', '开展集中宣传', '群众知晓率达到', '%'],
      ['宣传活动', '媒体宣传', '通过', '等媒体发布信息'],
      ['宣传活动', '媒体宣传', '', '条'],
      ['宣传活动', '媒体宣传', '主要做法', ''],
    ]);
  });
});
