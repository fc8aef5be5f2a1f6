import { getTemplate } from '@tianbao/templates';
import { describe, expect, it } from 'vitest';
import { numbersIn, suggestBlanks } from './blank-suggestions';

const cc = getTemplate('changchun-industry-2019');
const dx = getTemplate('daxinganling-2020');
if (!cc || !dx) throw new Error('template missing');
const none = new Set<string>();

describe('blank suggestions from the activity itself', () => {
  it('reads numbers with their units', () => {
    expect(numbersIn('现场咨询，发放宣传资料800份，参与120人次')).toEqual([
      { n: 800, unit: '份', clause: '发放宣传资料', said: '发放宣传资料800份' },
      { n: 120, unit: '人次', clause: '参与', said: '参与120人次' },
    ]);
  });

  it('「发放宣传资料800份」 suggests the 份 blank with 800', () => {
    const s = suggestBlanks(
      cc,
      { kind: '宣传咨询日', title: '安全宣传咨询日', description: '发放宣传资料800份' },
      none,
    );
    const paper = s.find((x) => x.slot.unit === '份');
    expect(paper?.slot.before).toBe('发放宣传资料');
    expect(paper?.value).toBe(800);
    expect(paper?.why).toContain('发放宣传资料800份');
  });

  it('the 类型 suggests its occasions blank, and 参与N人 the 人 blank after it; never another unit', () => {
    const s = suggestBlanks(
      dx,
      { kind: '宣传进企业', title: '安全宣传进企业', description: '在某公司开展宣传，参与120人' },
      none,
    );
    const people = s.find((x) => x.value === 120);
    expect(people?.slot.unit).toBe('人');
    expect(people?.slot.before).toBe('参与');
    expect(dx.slots[(people?.slot.index ?? 0) - 1]?.before).toBe('开展安全宣传进企业活动');
    const occasion = s.find((x) => x.why.includes('活动类型'));
    expect(occasion?.slot.before).toBe('开展安全宣传进企业活动');
    expect(occasion?.value).toBe(1);
    // 120人 is never offered to a 人次 blank.
    const persons = suggestBlanks(
      dx,
      { kind: '', title: '学习', description: '中心组专题学习，参与45人' },
      none,
    );
    for (const x of persons) if (x.value === 45) expect(x.slot.unit).toBe('人');
  });

  it('a word every sentence has (组织, 参与) or an item’s title is not a reason to offer a blank (#15 walkthrough)', () => {
    const said = (a: { kind: string; title: string; description: string }) =>
      suggestBlanks(dx, a, none).map((x) => `${x.slot.before}（${x.value}）${x.slot.unit}`);
    // 大兴安岭's table has no 演练 blank: before, 组织 alone offered 组织记者采访报道（1）次, and 参与 a
    // 线上展演活动's 参与（120）人.
    expect(
      said({ kind: '应急演练', title: '组织应急疏散演练', description: '组织演练1次，参与120人' }),
    ).toEqual([]);
    // 隐患排查 is named by the sentences that count it, not by the item 开展“排查整治进行时”专题活动 whose
    // first blank is 组织观看（ ）场.
    const checks = said({ kind: '隐患排查', title: '隐患排查', description: '' });
    expect(checks).not.toContain('组织观看（1）场');
    expect(checks).toContain('排查安全违法违规行为（1）次');
    // 专题学习 offers 中心组专题学习, not 开展网络课堂培训（ ）场 of the same item 深入学习贯彻….
    expect(said({ kind: '专题学习', title: '中心组专题学习', description: '参与45人次' })).toEqual([
      '参与（45）人次',
      '安排理论学习中心组专题学习（1）次',
    ]);
  });

  it('makes no guess that shares no words with the activity, and skips blanks already chosen', () => {
    expect(suggestBlanks(dx, { kind: '', title: '例会', description: '共3份' }, none)).toEqual([]);
    const first = suggestBlanks(dx, { kind: '宣传进企业', title: '进企业', description: '' }, none);
    const key = `${dx.id}/${first[0]?.slot.id}`;
    const again = suggestBlanks(dx, { kind: '宣传进企业', title: '进企业', description: '' }, new Set([key]));
    expect(again.map((x) => x.slot.id)).not.toContain(first[0]?.slot.id);
  });
});
