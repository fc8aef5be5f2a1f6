import { describe, expect, test } from 'vitest';
import { slotUnit, unitsAgree, unitsDiffer } from './same-unit.ts';

describe('units', () => {
  test('two known units that count different things differ; an absent one never does', () => {
    expect(unitsDiffer('场', '人次')).toBe(true);
    // People and people × occasions, occasions and sessions: different counts.
    expect(unitsDiffer('人', '人次')).toBe(true);
    expect(unitsDiffer('场', '场次')).toBe(true);
    expect(unitsDiffer('', '人次')).toBe(false);
    expect(unitsDiffer('场', undefined)).toBe(false);
    expect(unitsDiffer(' 场 ', '场')).toBe(false);
    expect(unitsDiffer('％', '%')).toBe(false);
  });

  test('agreeing needs both units', () => {
    expect(unitsAgree('人次', '人次')).toBe(true);
    expect(unitsAgree('％', '%')).toBe(true);
    expect(unitsAgree('', '')).toBe(false);
    expect(unitsAgree('场', '')).toBe(false);
  });

  test('a blank’s unit: its own, else the measure word after it, else % for a percentage', () => {
    expect(slotUnit({ unit: '场次', after: '场' })).toBe('场次');
    expect(slotUnit({ after: '个企业开展' })).toBe('个');
    expect(slotUnit({ kind: 'percent', after: '' })).toBe('%');
    expect(slotUnit({ kind: 'text', after: '等形式启动' })).toBe('');
  });
});
