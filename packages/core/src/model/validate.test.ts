import { describe, expect, it } from 'vitest';
import { entryErrors, validateEntryFields } from './validate.ts';

describe('entryErrors: every problem of an entry at once', () => {
  it('names each bad field once, and each refused contribution by its blank', () => {
    const errors = entryErrors({
      date: '2020-13-01',
      title: ' ',
      kind: '宣传',
      contributions: { 'dx/a': -3, 'dx/b': 4, 'dx/c': Number.NaN },
    });
    expect(errors.map((e) => [e.field, e.messageZh])).toEqual([
      ['date', '日期格式应为 2020-06-01'],
      ['title', '请填写活动名称'],
      ['contributions.dx/a', '计入统计表的数不能是负数'],
      ['contributions.dx/c', '计入统计表的数必须是数字'],
    ]);
  });

  it('a missing date or title is asked for; a good entry has none, as validateEntryFields agrees', () => {
    expect(entryErrors({}).map((e) => e.messageZh)).toEqual(['请填写日期', '请填写活动名称']);
    const good = { date: '2020-06-01', title: '启动仪式', contributions: { 'dx/a': 1 } };
    expect(entryErrors(good)).toEqual([]);
    expect(() => validateEntryFields(good, { partial: false })).not.toThrow();
    expect(entryErrors({ title: '改名' }, { partial: true })).toEqual([]);
  });
});

describe('field names in messages', () => {
  it('an entry’s title is 活动名称, the liaison’s title is 职务', async () => {
    const { FIELD_ZH, validateProfile } = await import('./validate.ts');
    expect(FIELD_ZH.title).toBe('活动名称');
    expect(() => validateProfile({ title: 5 })).toThrow(/title/);
    try {
      validateProfile({ title: 5 });
    } catch (err) {
      expect((err as { messageZh: string }).messageZh).toBe('职务必须是文字');
    }
  });
});
