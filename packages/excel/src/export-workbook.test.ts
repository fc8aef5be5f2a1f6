import { PassThrough } from 'node:stream';
import { builtinTemplates } from '@tianbao/templates';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { type ExportInput, exportXlsx, exportXlsxToStream } from './export-workbook.ts';
import { daxinganlingTemplate, entry, meta, plan, profile, sid, stat } from './test-support.ts';

const T = 'daxinganling-2020';
const DX = daxinganlingTemplate();
const k = (index: number) => `${T}/${sid(DX, index)}`;

function input(): ExportInput {
  return {
    template: daxinganlingTemplate(),
    meta: meta(),
    profile: profile(),
    date: '2020-06-30',
    entries: [
      entry({ date: '2020-06-02', title: '中心组专题学习', contributions: { [k(6)]: 1, [k(7)]: 40 } }),
      entry({ date: '2020-06-01', title: '启动仪式', contributions: { [k(5)]: 1 } }),
      entry({ title: '已删除的活动', deletedAt: 5, deletedBy: '王五', contributions: { [k(8)]: 9 } }),
    ],
    plans: [plan(), plan({ id: 'p2', content: '已删除计划', deletedAt: 1 })],
    stats: [
      stat(k(4), '线上直播'),
      stat(k(5), 2),
      stat(k(6), 12),
      stat(k(7), 240, { source: 'manual', manual: { value: 240, by: '张三', at: 0, reason: '含线上' } }),
      stat(k(8), null),
      stat(k(59), 3.5),
      stat(k(74), true),
      stat(k(75), false),
    ],
  };
}

const read = (bytes: Uint8Array) => XLSX.read(bytes, { type: 'array' });
const sheet = (wb: XLSX.WorkBook, name: string) => {
  const ws = wb.Sheets[name];
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
};
const cell = (ws: XLSX.WorkSheet, ref: string) => ws[ref] as XLSX.CellObject | undefined;
const rowsOf = (ws: XLSX.WorkSheet) => XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, defval: null });

async function streamed(i: ExportInput): Promise<Uint8Array> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await exportXlsxToStream(i, out);
  return new Uint8Array(Buffer.concat(chunks));
}

describe('export read back by SheetJS', async () => {
  const fixed = input();
  const bytes = await exportXlsx(fixed);
  const wb = read(bytes);
  /** Column widths and hidden columns come only with cellStyles. */
  const styled = XLSX.read(bytes, { type: 'array', cellStyles: true });

  it('has the sheets in order, with only the template sheet hidden', () => {
    expect(wb.SheetNames).toEqual(['统计表', '指标明细', '活动台账', '联络员', '重点活动计划', '_tianbao']);
    const hidden = wb.Workbook?.Sheets?.map((s) => [s.name, s.Hidden ?? 0]);
    expect(hidden).toEqual([
      ['统计表', 0],
      ['指标明细', 0],
      ['活动台账', 0],
      ['联络员', 0],
      ['重点活动计划', 0],
      ['_tianbao', 1],
    ]);
  });

  it('统计表: title, header line from the profile, column heads', () => {
    const ws = sheet(wb, '统计表');
    expect(cell(ws, 'A1')?.v).toBe('全区“安全生产月”和“安全生产兴安行”活动进展情况统计表');
    expect(cell(ws, 'A2')?.v).toBe(
      '填报单位（盖章）：大兴安岭地区应急管理局　　联系人：张三丰　　电话：0457-2712884　　填报日期：2020年6月30日',
    );
    const heads = ['A3', 'B3', 'C3', 'D3'].map((a) => cell(ws, a)?.v);
    expect(heads).toEqual(['类别', '活动项目', '内容要求', '进展情况']);
    expect(rowsOf(ws)[3]?.[2]).toBe('启动仪式形式多样，参与范围广泛，效果良好。');
  });

  it('统计表: each blank filled in its sentence, empty ones visibly empty, 是/否 as boxes', () => {
    const rows = rowsOf(sheet(wb, '统计表'));
    const byItem = (item: string) => rows.find((r) => r[1] === item)?.[3] as string;
    expect(byItem('举办“安全生产月”活动启动仪式')).toBe(
      '以（线上直播）等形式启动“安全生产月”活动，（2）场次',
    );
    const study = byItem('深入学习贯彻习近平总书记关于安全生产重要论述');
    expect(study).toContain('安排理论学习中心组专题学习（12）次，参与（240）人次');
    expect(study).toContain('开展网络课堂培训（　　）场');
    expect(rows.map((r) => r[3]).join('\n')).toContain('占当地常住人口比例（3.5）%');
    const org = byItem('加强组织领导').split('\n');
    expect(org[0]).toBe('是否已将“安全生产月”和“安全生产万里行”活动纳入全年安全生产重点工作：☑是 □否');
    expect(org[1]).toMatch(/：□是 ☑否$/);
    expect(org[2]).toMatch(/：□是 □否$/);
  });

  it('统计表: title and header merged across, each group merged over its rows', () => {
    const ws = sheet(wb, '统计表');
    const merges = (ws['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m)).sort();
    const rows = rowsOf(ws);
    // As on the paper form: 安全生产月活动 over its 6 rows, 安全生产兴安行活动 over 3, 加强组织落实 over 3.
    expect(merges).toEqual(['A1:D1', 'A2:D2', 'A4:A9', 'A10:A12', 'A13:A15'].sort());
    expect(rows.slice(3).map((r) => r[0])).toEqual([
      '安全生产月活动',
      ...Array(5).fill(null),
      '安全生产兴安行活动',
      null,
      null,
      '加强组织落实',
      null,
      null,
    ]);
  });

  it('统计表: A4 landscape with the column heads repeated on every page', () => {
    const names = wb.Workbook?.Names ?? [];
    const titles = names.find((n) => n.Name === '_xlnm.Print_Titles' && n.Sheet === 0);
    expect(titles?.Ref).toMatch(/'?统计表'?!\$3:\$3/);
  });

  it('指标明细: one row per slot, numbers as number cells, source and slot key', () => {
    const ws = sheet(wb, '指标明细');
    const rows = rowsOf(ws);
    expect(rows[0]).toEqual(['序号', '分组', '活动项目', '统计项', '单位', '数值', '来源', '槽位键']);
    expect(rows.length).toBe(1 + 87);
    // People count from 1; the slot key is there for reading the file back, in a hidden column.
    expect(rows.slice(1).map((x) => x[0])).toEqual(Array.from({ length: 87 }, (_, i) => i + 1));
    const cols = sheet(styled, '指标明细')['!cols'];
    expect(cols?.[7]?.hidden).toBe(true);
    expect(cols?.[6]?.hidden ?? false).toBe(false);
    const r = (index: number) => rows.findIndex((x) => x[7] === k(index)) + 1;
    expect(cell(ws, `F${r(6)}`)).toMatchObject({ t: 'n', v: 12 });
    expect(cell(ws, `D${r(6)}`)?.v).toBe('安排理论学习中心组专题学习（　　）次');
    expect(cell(ws, `E${r(6)}`)?.v).toBe('次');
    expect(cell(ws, `G${r(6)}`)?.v).toBe('2 条活动合计');
    expect(cell(ws, `G${r(7)}`)?.v).toBe('张三 手工填写（含线上）');
    expect(cell(ws, `F${r(59)}`)).toMatchObject({ t: 'n', v: 3.5 });
    expect(cell(ws, `F${r(74)}`)?.v).toBe('是');
    expect(cell(ws, `F${r(75)}`)?.v).toBe('否');
    expect(cell(ws, `F${r(8)}`)?.v ?? null).toBeNull();
    expect(cell(ws, `G${r(8)}`)?.v).toBe('未填写');
    expect(cell(ws, `F${r(0)}`)?.v).toBe('大兴安岭地区应急管理局');
  });

  it('指标明细: no two rows of one activity item read the same (two 参与（ ）人次 under one item)', async () => {
    const rows = rowsOf(sheet(wb, '指标明细')).slice(1);
    const r = (index: number) => rows.find((x) => x[7] === k(index));
    // 开展网上“全国安全宣传咨询日”活动 has 参与（ ）人次 after 开展线上“公众开放日” and after 创新开展…活动（ ）场.
    expect(r(44)?.slice(2, 4)).toEqual([
      '开展网上“全国安全宣传咨询日”活动',
      '开展线上“公众开放日”（ ）场次，参与【 】人次',
    ]);
    expect(r(47)?.[3]).toBe('创新开展（ ）活动（ ）场，参与【 】人次');
    expect(r(16)?.[3]).toBe('组织观看（ ）场，【 】人次');
    // Every built-in table: 分组, 活动项目 and 统计项 together name one blank.
    for (const t of builtinTemplates().filter((x) => x.kind === 'statistics')) {
      const detail = rowsOf(
        sheet(read(await exportXlsx({ ...input(), template: t, entries: [], stats: [] })), '指标明细'),
      ).slice(1);
      const names = detail.map((x) => x.slice(1, 4).join('|'));
      const twice = names.filter((n, i) => names.indexOf(n) !== i);
      expect(twice, t.id).toEqual([]);
    }
  });

  it('指标明细: a header blank filled from 联络员信息 or the day says so in 来源, never 未填写 beside a value', async () => {
    const header = async (over: Partial<ExportInput>) => {
      const rows = rowsOf(sheet(read(await exportXlsx({ ...input(), stats: [], ...over })), '指标明细'));
      return rows.slice(1, 5).map((x) => [x[3], x[5], x[6]]);
    };
    const noOfficePhone = profile({ officePhone: '' });
    expect(await header({ profile: noOfficePhone })).toEqual([
      ['填报单位（盖章）（　　）', '大兴安岭地区应急管理局', '取自联络员信息中的单位名称'],
      ['联系人（　　）', '张三丰', '取自联络员信息中的姓名'],
      ['电话（　　）', '13900001234', '取自联络员信息中的手机'],
      ['填报日期（　　）', '2020-06-30', '填报日期'],
    ]);
    const undated = await header({ date: undefined, profile: null });
    expect(undated[0]?.slice(1)).toEqual(['大兴安岭地区应急管理局', '台账的单位名称']);
    expect(undated[1]?.slice(1)).toEqual(['', '未填写']);
    expect(undated[3]?.[1]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(undated[3]?.[2]).toBe('导出当天（填报日期尚未确定）');
  });

  it('活动台账: live entries sorted by date, every field, contributions as number columns, filter', () => {
    const ws = sheet(wb, '活动台账');
    const rows = rowsOf(ws);
    expect(rows[0]?.slice(0, 13)).toEqual([
      '日期',
      '活动名称',
      '活动类型',
      '地点',
      '主办单位',
      '协助单位',
      '活动内容',
      '附件',
      '记录人',
      '记录时间',
      '修改人',
      '修改时间',
      '编号',
    ]);
    expect(rows[0]?.slice(13)).toEqual([
      '举办“安全生产月”活动启动仪式：以（ ）等形式启动“安全生产月”活动【 】场次',
      '深入学习贯彻习近平总书记关于安全生产重要论述：安排理论学习中心组专题学习【 】次',
      '深入学习贯彻习近平总书记关于安全生产重要论述：安排理论学习中心组专题学习（ ）次，参与【 】人次',
    ]);
    expect(rows.length).toBe(3);
    expect(rows[1]?.slice(0, 2)).toEqual(['2020-06-01', '启动仪式']);
    expect(rows[2]?.slice(0, 2)).toEqual(['2020-06-02', '中心组专题学习']);
    expect(rows[2]?.slice(8, 12)).toEqual(['张三', '2020-06-10 10:00', '李四', '2020-06-11 11:30']);
    expect(cell(ws, 'O3')).toMatchObject({ t: 'n', v: 1 });
    expect(cell(ws, 'P3')).toMatchObject({ t: 'n', v: 40 });
    expect(cell(ws, 'N3')).toBeUndefined();
    expect(ws['!autofilter']?.ref).toBe('A1:P1');
    // 编号 is the activity's internal id: kept, but in a hidden column, like 指标明细's 槽位键.
    const cols = sheet(styled, '活动台账')['!cols'];
    expect(cols?.[12]?.hidden).toBe(true);
    expect(cols?.slice(0, 12).some((c) => c?.hidden)).toBe(false);
    expect(cols?.[13]?.hidden ?? false).toBe(false);
  });

  it('联络员 and 重点活动计划', () => {
    const l = rowsOf(sheet(wb, '联络员'));
    expect(l[1]).toEqual(['姓名', '张三丰', '性别', '男', '职务', '科长']);
    expect(l[5]?.slice(0, 2)).toEqual(['通信地址', '加格达奇区人民路1号']);
    const p = rowsOf(sheet(wb, '重点活动计划'));
    // The notice's plan table, ready to seal: title with the unit, the seal line, the notice's columns.
    expect(p[0]?.[0]).toBe('大兴安岭地区应急管理局“安全生产月”重点活动计划安排表');
    expect(p[1]?.[0]).toMatch(
      /^填报单位（盖章）：大兴安岭地区应急管理局　　联系人：张三丰　　联系电话：0457-2712884　　填报日期：2020年6月30日$/,
    );
    expect(p[2]).toEqual([
      '序号',
      '时间',
      '地点',
      '主要内容',
      '主办单位',
      '协助单位',
      '工作分工',
      '成果形式',
    ]);
    expect(p[3]).toEqual([
      1,
      '6月16日',
      '人民广场',
      '全国安全宣传咨询日现场活动',
      '应急管理局',
      '消防救援支队',
      '宣教科负责组织',
      '新闻报道',
    ]);
    // The deleted plan is left out; the unit and date close the sheet, bottom right, for the seal.
    expect(p.slice(4).map((r) => r.filter((c) => c !== null))).toEqual([
      [],
      ['大兴安岭地区应急管理局'],
      ['2020年6月30日'],
    ]);
  });

  it('hidden sheet names the template and version', () => {
    const m = Object.fromEntries(rowsOf(sheet(wb, '_tianbao')).map((r) => [r[0], r[1]]));
    expect(m).toMatchObject({
      format: 'tianbao-export',
      formatVersion: 1,
      kind: 'export',
      templateId: 'daxinganling-2020',
      templateVersion: '1',
      unitName: '大兴安岭地区应急管理局',
    });
  });

  it('the streaming writer produces the same cells, merges and sheet states', async () => {
    const s = read(await streamed(fixed));
    expect(s.SheetNames).toEqual(wb.SheetNames);
    expect(s.Workbook?.Sheets?.map((x) => x.Hidden ?? 0)).toEqual(
      wb.Workbook?.Sheets?.map((x) => x.Hidden ?? 0),
    );
    for (const name of wb.SheetNames.filter((n) => n !== '_tianbao')) {
      expect(rowsOf(sheet(s, name)), name).toEqual(rowsOf(sheet(wb, name)));
      expect(sheet(s, name)['!merges'] ?? [], name).toEqual(sheet(wb, name)['!merges'] ?? []);
    }
  });
});

describe('export read back by exceljs (a second reader)', () => {
  it('统计表 writes 填报日期 as a person reads it, 2020年6月30日, and 指标明细 keeps the ISO value it reads back', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportXlsx(input())) as unknown as ExcelJS.Buffer);
    const header = String(wb.getWorksheet('统计表')?.getCell('A2').value);
    expect(header).toMatch(/填报日期：2020年6月30日$/);
    expect(header).not.toContain('2020-06-30');
    const detail: string[] = [];
    wb.getWorksheet('指标明细')?.eachRow((row) => {
      detail.push(row.values.toString());
    });
    expect(detail.some((r) => r.includes('2020-06-30'))).toBe(true);
  });
});
