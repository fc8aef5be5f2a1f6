import { getTemplate, type Slot, type Template, type TemplateRow } from '@tianbao/templates';
import { describe, expect, it } from 'vitest';
import { type FigureValue, figureSentence, rowFigures, yesStatement } from './figures.ts';

const dx = getTemplate('daxinganling-2020') as Template;
const cc = getTemplate('changchun-industry-2019') as Template;

function row(t: Template, item: string, nth = 0): { row: TemplateRow; slots: Slot[] } {
  const r = t.rows.filter((x) => x.item.includes(item))[nth] as TemplateRow;
  return { row: r, slots: r.slotIds.map((id) => t.slots.find((s) => s.id === id) as Slot) };
}

/** Values by position in the row: the reference lists count blanks the same way. */
function figures(t: Template, item: string, values: FigureValue[], nth = 0) {
  const { row: r, slots } = row(t, item, nth);
  return rowFigures(r, slots, (s) => values[slots.indexOf(s)]);
}

describe('rowFigures: a row of the table in its own words', () => {
  it('writes each non-empty blank in its phrase and leaves empty ones out, never as 0', () => {
    const f = figures(dx, '深入学习贯彻', [2, 46, null, 0, 5, undefined]);
    expect(f.clauses).toEqual([
      '安排理论学习中心组专题学习2次',
      '参与46人次',
      '在报刊、广播、网络、新媒体等平台开设专栏专题5个',
    ]);
    expect(figureSentence(f.clauses)).toBe(
      '共安排理论学习中心组专题学习2次，参与46人次，在报刊、广播、网络、新媒体等平台开设专栏专题5个',
    );
    expect(f.clauses.join()).not.toMatch(/\D0[^.\d]/);
  });

  it('keeps one clause over two blanks that share their words (以（ ）等形式启动…（ ）场次)', () => {
    expect(figures(dx, '启动仪式', ['线上直播', 3]).clauses).toEqual([
      '以线上直播等形式启动“安全生产月”活动3场次',
    ]);
    // The form is unknown: the count keeps the words it needs, without 「等形式」.
    expect(figures(dx, '启动仪式', [null, 3]).clauses).toEqual(['启动“安全生产月”活动3场次']);
    expect(figures(dx, '启动仪式', ['现场宣誓', null]).clauses).toEqual([
      '以现场宣誓等形式启动“安全生产月”活动',
    ]);
  });

  it('gives a count the words of the blank before it when that one is empty', () => {
    // 组织观看（ ）场，（ ）人次
    const values: FigureValue[] = Array(12).fill(null);
    values[4] = 380;
    expect(figures(dx, '排查整治', values).clauses).toEqual(['组织观看380人次']);
    values[3] = 4;
    expect(figures(dx, '排查整治', values).clauses).toEqual(['组织观看4场', '380人次']);
    // 开展安全宣传进企业活动（ ）场，参与（ ）人: 参与 alone would not say in what.
    expect(figures(dx, '五进', [null, 320]).clauses).toEqual(['开展安全宣传进企业活动，参与320人']);
    // A clause that names its own activity stands alone.
    const online: FigureValue[] = Array(14).fill(null);
    online[7] = 860;
    expect(figures(dx, '咨询日', online).clauses).toEqual(['参与抖音“我是安全明白人”话题860条微视频']);
  });

  it('writes 是 answers as statements and lists 否 answers for the person', () => {
    const f = figures(dx, '加强组织领导', [true, false, true, null]);
    expect(f.clauses).toEqual([
      '已将“安全生产月”和“安全生产万里行”活动纳入全年安全生产重点工作',
      '已制定活动“路线图”“施工表”，明确责任单位、责任人和时间节点',
    ]);
    expect(f.answeredNo.map((s) => s.before)).toEqual([
      '是否已建立健全党委政府领导、多部门合作、有关方面协同参与的工作机制',
    ]);
    const { row: r, slots } = row(dx, '确保活动实效');
    expect(yesStatement(slots[0] as Slot, r)).toBe(
      '各项活动与解决当前安全发展、安全生产中的热点难点问题相结合',
    );
    // A bare box takes its row's words: the item when it says what was done, else the requirement.
    const creative = row(cc, '创造性地开展');
    expect(yesStatement(creative.slots[0] as Slot, creative.row)).toBe('创造性地开展安全生产宣传教育活动');
    const plan = row(cc, '宣传报道方案');
    expect(yesStatement(plan.slots[0] as Slot, plan.row)).toBe('制定详细的活动宣传报道方案');
  });

  it('says 共 only where the first clause counts something done', () => {
    expect(figureSentence(['以线上直播等形式启动“安全生产月”活动3场次'])).toBe(
      '以线上直播等形式启动“安全生产月”活动3场次',
    );
    expect(figureSentence(['共有3家危化品企业开展“安全生产公众开放日”活动'])).toBe(
      '共有3家危化品企业开展“安全生产公众开放日”活动',
    );
    expect(figureSentence(['开展应急预案演练2场次', '参与演练175人次'])).toBe(
      '共开展应急预案演练2场次，参与演练175人次',
    );
  });
});
