import { getTemplate } from '@tianbao/templates';
import { describe, expect, it } from 'vitest';
import { blanksForUnit, blanksOfOtherUnits, otherUnitWords } from './unit-blanks';

const T = getTemplate('daxinganling-2020');
if (!T) throw new Error('template missing');
const units = (unit: string, kind: Parameters<typeof blanksForUnit>[2]) =>
  new Set(blanksForUnit(T.slots, unit, kind).map((s) => s.unit || s.kind));

describe('blanksForUnit: what 更正 offers a control', () => {
  it('a control counted in 场 is offered the 场 blanks only, not 场次 or 人次', () => {
    const offered = blanksForUnit(T.slots, '场', 'number');
    expect(offered.length).toBe(T.slots.filter((s) => s.unit === '场').length);
    expect(units('场', 'number')).toEqual(new Set(['场']));
    expect(offered.map((s) => s.before)).toContain('在媒体平台开展网络视频访谈');
  });

  it('a 是/否 box under a 参与人次 header is offered the 人次 blanks and the 是/否 questions', () => {
    expect(units('人次', 'choice')).toEqual(new Set(['人次', 'boolean']));
    expect(units('人次', 'text')).toEqual(new Set(['人次']));
  });

  it('a control without a unit is offered every blank', () => {
    expect(blanksForUnit(T.slots, '', 'text')).toEqual(T.slots);
  });

  it('％ is %', () => {
    expect(units('％', 'number')).toEqual(new Set(['%']));
  });

  it('「显示其他单位的空」 lists exactly the rest, each marked with its unit or what it takes', () => {
    const same = blanksForUnit(T.slots, '人次', 'number');
    const rest = blanksOfOtherUnits(T.slots, '人次', 'number');
    expect(rest.length + same.length).toBe(T.slots.length);
    expect(rest.some((s) => same.includes(s))).toBe(false);
    const interview = rest.find((s) => s.before === '在媒体平台开展网络视频访谈');
    expect(interview && otherUnitWords(interview)).toBe('以“场”计');
    const text = rest.find((s) => s.kind === 'text');
    expect(text && otherUnitWords(text)).toBe('填文字');
    // A control without a unit was offered every blank already: there is no rest.
    expect(blanksOfOtherUnits(T.slots, '', 'number')).toEqual([]);
  });
});
