import { describe, expect, it } from 'vitest';
import { daysLeft, describeDeadline, dueWords, occurrences, remindAt, reminderTitle } from './deadlines';

describe('deadline occurrences', () => {
  const weekly = {
    id: 'weekly',
    kind: 'weekly',
    title: '报送本周材料',
    weekday: 4,
    hour: 17,
    months: [6],
    source: '6月份每周四17时前',
  };
  const once = { id: 'table', kind: 'table', title: '报送统计表', date: '2020-07-06', source: '7月6日前' };

  it('expands a weekly submission into every such weekday of its months, at its hour', () => {
    const o = occurrences([weekly], 2020).map((x) => x.date);
    expect(o).toEqual(['2020-06-04', '2020-06-11', '2020-06-18', '2020-06-25']);
    expect(new Date(occurrences([weekly], 2020)[0]?.due ?? 0).getHours()).toBe(17);
  });

  it('keeps one-off dates, defaulting to 17:00, sorted with the weekly ones', () => {
    const o = occurrences([once, weekly], 2020);
    expect(o.at(-1)?.date).toBe('2020-07-06');
    expect(new Date(o.at(-1)?.due ?? 0).getHours()).toBe(17);
    expect(o.at(-1)?.weekly).toBe(false);
  });

  it('says in the reminder the day, weekday and hour, not an ISO date', () => {
    const [w] = occurrences([weekly], 2020);
    const t = occurrences([once], 2020)[0];
    if (!w || !t) throw new Error('no occurrence');
    expect(reminderTitle(w)).toBe('报送本周材料（6月4日 周四 17时截止）');
    expect(reminderTitle(t)).toBe('报送统计表（7月6日 周一 17时截止）');
    expect(reminderTitle({ ...t, due: new Date(2020, 6, 5, 10).getTime() })).toBe(
      '报送统计表（7月5日 周日 10时截止）',
    );
  });

  it('reminds a day before a date and three hours before weekly materials', () => {
    const [w] = occurrences([weekly], 2020);
    const [d] = occurrences([once], 2020);
    expect(w && w.due - remindAt(w)).toBe(3 * 3600_000);
    expect(d && d.due - remindAt(d)).toBe(24 * 3600_000);
  });

  it('expands a monthly submission into its months, the last day of a month shorter than the day', () => {
    const monthly = { id: 'm', kind: 'monthly', title: '南粤行', dayOfMonth: 31, months: [6, 7], source: '' };
    expect(occurrences([monthly], 2020).map((x) => x.date)).toEqual(['2020-06-30', '2020-07-31']);
    expect(describeDeadline({ ...monthly, dayOfMonth: 28 })).toBe('6月、7月每月28日前');
  });

  it('describes a deadline in Chinese', () => {
    expect(describeDeadline(weekly)).toBe('6月每周四 17时前');
    expect(describeDeadline(once)).toBe('7月6日前');
    expect(daysLeft(Date.now() + 2.5 * 86_400_000)).toBe(3);
  });

  it('says how far a due moment is in a sane form, never 「已过 2346 天」', () => {
    const now = new Date(2026, 11, 4, 9, 0).getTime();
    expect(dueWords(new Date(2026, 11, 7, 17).getTime(), now)).toBe('还有 4 天');
    expect(dueWords(new Date(2026, 11, 4, 17).getTime(), now)).toBe('今天 17 时截止');
    expect(dueWords(new Date(2026, 6, 3, 17).getTime(), now)).toBe('已于 7月3日 截止');
    expect(dueWords(new Date(2020, 5, 30, 17).getTime(), now)).toBe('已于 2020年6月30日 截止');
  });
});
