import { UnitLog } from '@tianbao/core';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { guessColumns, ledgerToEntries, readLedger } from './ledger-import.ts';
import { daxinganlingTemplate, sid } from './test-support.ts';

/** A hand-kept ledger as another program writes it: title row, merged date cell, mixed date styles. */
function ledgerBytes(extraTop = 0): Uint8Array {
  const aoa: unknown[][] = [
    ...Array.from({ length: extraTop }, () => ['说明：本表由宣教科维护']),
    ['2020年安全生产月活动台账'],
    ['序号', '日期', '活动名称', '地点', '主办单位', '参与人数', '备注'],
    [1, new Date(Date.UTC(2020, 5, 1)), '启动仪式', '人民广场', '应急管理局', 300, '领导出席'],
    [2, '2020年6月3日', '安全宣传进企业', '林业集团', '应急管理局', '约120人', ''],
    [3, null, '安全宣传进社区', '光明社区', '街道办', 80, ''],
    [4, '6月5日', '应急演练', '第一中学', '教育局', '', ''],
    [5, '六月中旬', '知识竞赛', '', '', 50, ''],
    [6, '2020-06-08', '', '会议室', '', 10, '没有名称'],
    [7, '2020/6/9', '观看警示片', '会议室', '安监站', '很多', ''],
    [8, '2020.6.10', '安全宣传进企业', '林业集团', '应急管理局', 60, ''],
    [9, '2020.6.10', '安全宣传进企业', '林业集团', '应急管理局', 60, ''],
    ['合计', null, null, null, null, 680, null],
  ];
  const ws = XLSX.utils.aoa_to_sheet(aoa, { cellDates: true });
  const t = extraTop;
  ws['!merges'] = [
    { s: { r: t, c: 0 }, e: { r: t, c: 6 } },
    { s: { r: t + 3, c: 1 }, e: { r: t + 4, c: 1 } }, // one date over rows 3 and 4
  ];
  return xlsxBytes(ws, '6月台账');
}

function xlsxBytes(ws: XLSX.WorkSheet, name: string): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, name);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** A one-sheet 台账 of plain rows, read back as the dashboard reads it. */
async function ledgerSheet(rows: unknown[][]) {
  const [sheet] = await readLedger(xlsxBytes(XLSX.utils.aoa_to_sheet(rows), '台账'));
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

describe('guessColumns', () => {
  it('maps the usual headings and leaves counts for the user', () => {
    const g = guessColumns([
      '序号',
      '日期',
      '活动名称',
      '地点',
      '主办单位',
      '参与人数',
      '备注',
      '协办单位',
      '',
    ]);
    expect(g.map((m) => m.target)).toEqual([
      { ignore: true },
      { field: 'date' },
      { field: 'title' },
      { field: 'location' },
      { field: 'organizer' },
      { ignore: true, numeric: true },
      { field: 'description' },
      { field: 'partners' },
      { ignore: true },
    ]);
    expect(g[5]?.confidence).toBe('none');
  });

  it('takes 活动内容 as the title when there is no name column, as the description otherwise', () => {
    expect(guessColumns(['时间', '活动内容']).map((m) => m.target)).toEqual([
      { field: 'date' },
      { field: 'title' },
    ]);
    expect(guessColumns(['活动名称', '活动内容'])[1]?.target).toEqual({ field: 'description' });
  });

  it('offers a blank whose phrase matches a count heading, as a low-confidence guess', () => {
    const t = daxinganlingTemplate();
    const g = guessColumns(['日期', '活动名称', '制作典型事故案例剖析警示教育片（部）', '参与人数'], t);
    expect(g[2]).toMatchObject({ target: { slot: `daxinganling-2020/${sid(t, 14)}` }, confidence: 'low' });
    expect(g[3]).toMatchObject({ target: { ignore: true, numeric: true }, confidence: 'none' });
  });
});

describe('readLedger + ledgerToEntries', async () => {
  const S7 = `daxinganling-2020/${sid(daxinganlingTemplate(), 7)}`;
  const [sheet] = await readLedger(ledgerBytes());
  if (!sheet) throw new Error('no sheet');
  const mapping = guessColumns(sheet.headers).map((m) =>
    m.header === '参与人数' ? { ...m, target: { slot: S7 } } : m,
  );
  const result = ledgerToEntries(sheet, mapping, { year: 2020 });

  it('finds the heading row below the title', () => {
    expect(sheet.name).toBe('6月台账');
    expect(sheet.headerRow).toBe(2);
    expect(sheet.headers).toEqual(['序号', '日期', '活动名称', '地点', '主办单位', '参与人数', '备注']);
  });

  it('imports valid rows with their fields and counts', () => {
    expect(result.valid.map((e) => [e.sourceRow, e.date, e.title])).toEqual([
      [3, '2020-06-01', '启动仪式'],
      [5, '2020-06-03', '安全宣传进社区'],
      [6, '2020-06-05', '应急演练'],
      [10, '2020-06-10', '安全宣传进企业'],
      [11, '2020-06-10', '安全宣传进企业'],
    ]);
    const first = result.valid[0];
    expect(first).toMatchObject({
      location: '人民广场',
      organizer: '应急管理局',
      description: '领导出席',
      contributions: { [S7]: 300 },
      attachments: [],
    });
    expect(result.valid[1]?.contributions).toEqual({ [S7]: 80 });
    expect(result.valid[2]?.contributions).toEqual({});
  });

  it('lists every invalid row with its reason', () => {
    expect(result.invalid.map((r) => [r.row, r.code])).toEqual([
      [4, 'bad-number'],
      [7, 'bad-date'],
      [8, 'missing-title'],
      [9, 'bad-number'],
      [12, 'total-row'],
    ]);
    // 约120人 is not a count to import as 120 (#15): the row is held back with the reason in Chinese.
    expect(result.invalid[0]?.zh).toBe(
      '“参与人数”一列：“约120人”不是确切的数。统计表只能填确切的数，请核实后只填数字，例如 120',
    );
    expect(result.invalid[1]?.reason).toContain('六月中旬');
    expect(result.invalid[3]?.reason).toContain('很多');
  });

  it('without a year, 6月5日 is reported, not guessed', () => {
    const r = ledgerToEntries(sheet, mapping);
    expect(r.invalid.find((x) => x.row === 6)?.code).toBe('date-without-year');
  });

  it('gives each row a stable import key: the same file twice, or rows moved down, yield the same keys', async () => {
    const keys = result.valid.map((e) => e.importKey);
    expect(new Set(keys).size).toBe(keys.length); // identical rows 10 and 11 stay two entries
    const again = ledgerToEntries((await readLedger(ledgerBytes()))[0] as typeof sheet, mapping, {
      year: 2020,
    });
    expect(again.valid.map((e) => e.importKey)).toEqual(keys);
    const shifted = ledgerToEntries((await readLedger(ledgerBytes(2)))[0] as typeof sheet, mapping, {
      year: 2020,
    });
    expect(shifted.valid.map((e) => e.importKey)).toEqual(keys);
  });

  it('refuses a mapping without date and title', () => {
    expect(() =>
      ledgerToEntries(
        sheet,
        mapping.filter((m) => m.header !== '日期'),
      ),
    ).toThrow(expect.objectContaining({ code: 'bad-mapping' }));
  });
});

describe('counts in a ledger follow core’s number rules (#18 finding 5)', () => {
  it('2.5 场次, 1e308, -3 and 10^12 are invalid rows; a sum of two columns past the bound too', async () => {
    const S6 = `daxinganling-2020/${sid(daxinganlingTemplate(), 6)}`;
    const sheet = await ledgerSheet([
      ['日期', '活动名称', '场次', '次数'],
      ['2020-06-01', '半场', 2.5, ''],
      ['2020-06-02', '天文数字', 1e308, ''],
      ['2020-06-03', '负数', -3, ''],
      ['2020-06-04', '十的十二次方', '1000000000000', ''],
      ['2020-06-05', '两列相加', 600000000000, 600000000000],
      ['2020-06-06', '上限', 999999999999, ''],
      ['2020-06-07', '文字', '2.5场次', ''],
    ]);
    const mapping = guessColumns(sheet.headers).map((m) =>
      m.header === '场次' || m.header === '次数' ? { ...m, target: { slot: S6 } } : m,
    );
    const r = ledgerToEntries(sheet, mapping);
    expect(r.valid.map((e) => [e.title, e.contributions[S6]])).toEqual([['上限', 999999999999]]);
    expect(r.invalid.map((x) => [x.row, x.code])).toEqual([
      [2, 'bad-number'],
      [3, 'bad-number'],
      [4, 'bad-number'],
      [5, 'bad-number'],
      [6, 'bad-number'],
      [8, 'bad-number'],
    ]);
    expect(r.invalid[0]?.reason).toContain('"2.5" in column "场次" is not a count');
    expect(r.invalid[4]?.reason).toContain('add up to 1200000000000');
  });
});

describe('the preview runs the log’s own validation (#18 finding 7)', () => {
  it('a 10,000-character title is an invalid row in the preview, and the rest imports', async () => {
    const sheet = await ledgerSheet([
      ['日期', '活动名称', '地点'],
      ['2020-06-01', '启动仪式', '人民广场'],
      ['2020-06-02', '长'.repeat(10_000), '会议室'],
      ['2020-06-03', '应急演练', '第一中学'],
    ]);
    const r = ledgerToEntries(sheet, guessColumns(sheet.headers));
    expect(r.invalid).toEqual([
      {
        row: 3,
        code: 'invalid-field',
        reason: 'Row 3: title: is longer than 200 characters.',
        zh: '活动名称不能超过200个字',
      },
    ]);
    // What the preview calls valid, the log takes: before, this threw for the whole file.
    const log = UnitLog.create({ unitName: '漠河市应急管理局', campaign: '2020', user: '张三' });
    const done = log.importEntries(r.valid.map(({ sourceRow: _row, ...fields }) => fields));
    expect(done.added).toHaveLength(2);
    expect(
      log
        .listEntries()
        .map((e) => e.title)
        .sort(),
    ).toEqual(['启动仪式', '应急演练'].sort());
  });
});

describe('counts as a clerk keeps them in her own sheet (#15)', () => {
  const t = daxinganlingTemplate();
  const S7 = `daxinganling-2020/${sid(t, 7)}`; // 参与（ ）人次
  const rows: [string, unknown][] = [
    ['数字', 800],
    ['文本数字', '800'],
    ['全角', '８００'],
    ['千分位', '1,200'],
    ['全角逗号', '1，200'],
    ['带单位', '800人次'],
    ['带空格', ' 800 人次 '],
    ['中文数字', '一千二百'],
    ['约数', '约800'],
    ['余', '800余人次'],
    ['多', '800多'],
    ['小数', 12.5],
    ['文本小数', '12.5'],
    ['逗号错位', '12,00'],
    ['别的单位', '800份'],
    ['人在人次列', '800人'],
    ['场在人次列', '3场'],
    ['口语', '一千二'],
    ['万', '1.2万'],
  ];

  it('reads the exact number or holds the row back with a Chinese reason; never a nearby number', async () => {
    const sheet = await ledgerSheet([
      ['日期', '活动名称', '参与人次'],
      ...rows.map(([title, v], i) => [`2020-06-${String(i + 1).padStart(2, '0')}`, title, v]),
    ]);
    const mapping = guessColumns(sheet.headers).map((m) =>
      m.header === '参与人次' ? { ...m, target: { slot: S7 } } : m,
    );
    const r = ledgerToEntries(sheet, mapping, { template: t });
    expect(r.valid.map((e) => [e.title, e.contributions[S7]])).toEqual([
      ['数字', 800],
      ['文本数字', 800],
      ['全角', 800],
      ['千分位', 1200],
      ['全角逗号', 1200],
      ['带单位', 800],
      ['带空格', 800],
      ['中文数字', 1200],
      ['人在人次列', 800],
    ]);
    const zh = Object.fromEntries(
      r.invalid.map((x) => [sheet.rows.find((row) => row.row === x.row)?.cells[1], x.zh]),
    );
    expect(zh).toEqual({
      约数: '“参与人次”一列：“约800”不是确切的数。统计表只能填确切的数，请核实后只填数字，例如 800',
      余: '“参与人次”一列：“800余人次”不是确切的数。统计表只能填确切的数，请核实后只填数字，例如 800',
      多: '“参与人次”一列：“800多”不是确切的数。统计表只能填确切的数，请核实后只填数字，例如 800',
      小数: '“参与人次”一列：“12.5”不是整数，人次数要填整数',
      文本小数: '“参与人次”一列：“12.5”不是整数，人次数要填整数',
      逗号错位: '“参与人次”一列：“12,00”中的逗号位置不对，请只填数字，例如 1200',
      别的单位: '“参与人次”一列：这一空的单位是“人次”，“800份”写的是“份”。请核实后只填数字',
      场在人次列: '“参与人次”一列：这一空的单位是“人次”，“3场”写的是“场”。请核实后只填数字',
      口语: '“参与人次”一列：“一千二”请用数字填写，例如 1200',
      万: '“参与人次”一列：“1.2万”请核实确切的数后写成完整的数字，例如 12000',
    });
  });

  it('a formula cell counts by the result Excel saved with it', async () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['日期', '活动名称', '参与人次'],
      ['2020-06-01', '公式', null],
    ]);
    ws.C2 = { t: 'n', v: 350, f: '200+150' };
    const [sheet] = await readLedger(xlsxBytes(ws, '台账'));
    if (!sheet) throw new Error('no sheet');
    const mapping = guessColumns(sheet.headers).map((m) =>
      m.header === '参与人次' ? { ...m, target: { slot: S7 } } : m,
    );
    const r = ledgerToEntries(sheet, mapping, { template: t });
    expect(r.valid.map((e) => e.contributions[S7])).toEqual([350]);
  });

  it('a formula saved without its result, or an Excel error value, holds the row back — never an empty count', async () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['日期', '活动名称', '参与人次'],
      ['2020-06-01', '未计算', null],
      ['2020-06-02', '错误值', null],
      ['2020-06-03', '公式结果是错误', null],
    ]);
    ws.C2 = { t: 'n', f: 'A9*2' }; // no cached value: written by a script, never opened in Excel
    ws.C3 = { t: 'e', v: 0x17 }; // #REF!
    ws.C4 = { t: 'e', v: 0x07, f: '1/0' }; // #DIV/0!
    const [sheet] = await readLedger(xlsxBytes(ws, '台账'));
    if (!sheet) throw new Error('no sheet');
    const mapping = guessColumns(sheet.headers).map((m) =>
      m.header === '参与人次' ? { ...m, target: { slot: S7 } } : m,
    );
    const r = ledgerToEntries(sheet, mapping, { template: t });
    expect(r.valid).toEqual([]);
    expect(r.invalid.map((x) => x.zh)).toEqual([
      '“参与人次”一列：这一格是公式（=A9*2），文件里没有保存它算出的数。请用 Excel 或 WPS 打开这个文件、保存后再导入',
      '“参与人次”一列：这一格是 Excel 的错误值 #REF!，请先在表格中改正',
      '“参与人次”一列：这一格是 Excel 的错误值 #DIV/0!，请先在表格中改正',
    ]);
  });
});
