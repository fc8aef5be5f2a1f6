import { describe, expect, test } from 'vitest';
import { periodOf } from './period.ts';

describe('periodOf', () => {
  test('a column or a label for one period, not a total', () => {
    expect(periodOf('组织观看警示片', ['进展情况', '本周'])).toBe('本周');
    expect(periodOf('组织观看警示片', ['第 3 周'])).toBe('第 3 周');
    expect(periodOf('组织观看警示片', ['本月新增'])).toBe('本月新增');
    expect(periodOf('本周开展培训（场）', [])).toBe('本周');
    expect(periodOf('组织观看警示片', ['累计'])).toBe('');
    expect(periodOf('今日头条粉丝', ['数量'])).toBe('');
  });
});
