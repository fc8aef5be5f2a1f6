import { describe, expect, it } from 'vitest';
import { planTimeRange, planTimeText, planTimeValue } from './plan-time.ts';

describe('a plan’s 时间', () => {
  it('stores a picked day or range as ISO and reads it back', () => {
    expect(planTimeValue('2026-06-16')).toBe('2026-06-16');
    expect(planTimeValue('2026-06-16', '2026-06-16')).toBe('2026-06-16');
    expect(planTimeValue('2026-06-16', '2026-06-18')).toBe('2026-06-16/2026-06-18');
    expect(planTimeRange('2026-06-16/2026-06-18')).toEqual({ start: '2026-06-16', end: '2026-06-18' });
    expect(planTimeRange('2026-06-16')).toEqual({ start: '2026-06-16', end: '2026-06-16' });
  });

  it('reads as a person writes it; old free text stays as written', () => {
    expect(planTimeText('2026-06-16')).toBe('6月16日');
    expect(planTimeText('2026-06-16/2026-06-18')).toBe('6月16日—6月18日');
    expect(planTimeText('2026-12-30/2027-01-02')).toBe('2026年12月30日—2027年1月2日');
    expect(planTimeText('6月16日上午')).toBe('6月16日上午');
    expect(planTimeRange('6月16日上午')).toBeUndefined();
  });

  it('an impossible day or a range ending before it starts is not a range', () => {
    expect(planTimeRange('2026-02-30')).toBeUndefined();
    expect(planTimeRange('2026-06-18/2026-06-16')).toBeUndefined();
    expect(planTimeText('2026-02-30')).toBe('2026-02-30');
  });
});
