import { getTemplate } from '@tianbao/templates';
import { describe, expect, test } from 'vitest';
import { pair, sync } from '../model/test-replicas.ts';
import { UnitLog } from '../model/unit-log.ts';
import { logPeriods, logSchedule } from './log-schedule.ts';
import {
  currentPeriod,
  months,
  periodFromRange,
  reportingPeriods,
  type Schedule,
  weeks,
} from './reporting-periods.ts';
import { shiftDate } from './year-shift.ts';

// 辽宁市场监管 2020: 6月份每周四17时前 (June 1, 2020 is a Monday).
const thursday = {
  id: 'weekly-w4-17h',
  kind: 'weekly',
  title: '报送本周材料',
  weekday: 4,
  hour: 17,
  months: [6],
  source: '',
};
const june2020: Schedule = {
  periodMode: 'natural',
  campaign: { start: '2020-06-01', end: '2020-06-30' },
  deadlines: [thursday],
};
const span = (p: { from: string; to: string }) => `${p.from}..${p.to}`;

describe('weeks', () => {
  test('natural weeks: Monday to Sunday, the last one cut at the campaign end, due the Thursday inside', () => {
    const w = weeks(june2020);
    expect(w.map(span)).toEqual([
      '2020-06-01..2020-06-07',
      '2020-06-08..2020-06-14',
      '2020-06-15..2020-06-21',
      '2020-06-22..2020-06-28',
      '2020-06-29..2020-06-30',
    ]);
    expect(w.map((p) => p.due)).toEqual(['2020-06-04', '2020-06-11', '2020-06-18', '2020-06-25', undefined]);
    expect(w[1]).toMatchObject({
      id: 'week:2020-06-08..2020-06-14',
      name: '第2周',
      label: '第2周（6月8日—6月14日）',
      dueHour: 17,
      deadlineId: 'weekly-w4-17h',
      cumulative: { from: '2020-06-01', to: '2020-06-14' },
    });
  });

  test('before the deadline: the seven days ending the day before each Thursday', () => {
    const w = weeks({ ...june2020, periodMode: 'before-deadline' });
    expect(w.map(span)).toEqual([
      '2020-06-01..2020-06-03',
      '2020-06-04..2020-06-10',
      '2020-06-11..2020-06-17',
      '2020-06-18..2020-06-24',
      '2020-06-25..2020-06-30',
    ]);
    expect(w.map((p) => p.due)).toEqual(['2020-06-04', '2020-06-11', '2020-06-18', '2020-06-25', undefined]);
  });

  test('a campaign starting mid-week (2021: June 1 is a Tuesday); weeks meet without gaps or overlaps', () => {
    const s: Schedule = { ...june2020, campaign: { start: '2021-06-01', end: '2021-06-30' }, deadlines: [] };
    const w = weeks(s);
    expect(w[0]).toMatchObject({ from: '2021-06-01', to: '2021-06-06' });
    expect(w[0]?.due).toBeUndefined();
    for (let i = 1; i < w.length; i++) {
      const prev = new Date(`${w[i - 1]?.to}T00:00:00Z`).getTime();
      expect(new Date(`${w[i]?.from}T00:00:00Z`).getTime() - prev).toBe(86_400_000);
    }
    expect(w.at(-1)?.to).toBe('2021-06-30');
  });

  test('a weekly rule for June and July of a longer campaign gives weeks of those months only', () => {
    const s: Schedule = {
      periodMode: 'natural',
      campaign: { start: '2020-06-01', end: '2020-12-31' },
      deadlines: [{ ...thursday, months: [6, 7] }],
    };
    const w = weeks(s);
    expect(w[0]?.from).toBe('2020-06-01');
    expect(w.at(-1)?.to).toBe('2020-07-31');
  });
});

describe('months', () => {
  const nanyue: Schedule = {
    periodMode: 'natural',
    campaign: { start: '2020-06-01', end: '2020-12-31' },
    deadlines: [
      {
        id: 'monthly-d28',
        kind: 'monthly',
        title: '南粤行',
        dayOfMonth: 28,
        months: [7, 8, 9, 10, 11, 12],
        source: '',
      },
    ],
  };
  test('calendar months, due on the 28th of the months the rule names', () => {
    const m = months(nanyue);
    expect(m.map((p) => p.name)).toEqual(['6月', '7月', '8月', '9月', '10月', '11月', '12月']);
    expect(m[1]).toMatchObject({ from: '2020-07-01', to: '2020-07-31', due: '2020-07-28' });
    expect(m[0]?.due).toBeUndefined();
  });
  test('before the deadline: 28th of one month to the 27th of the next', () => {
    const m = months({ ...nanyue, periodMode: 'before-deadline' });
    expect(m[0]).toMatchObject({ from: '2020-06-01', to: '2020-06-27' });
    expect(m[1]).toMatchObject({ name: '7月', from: '2020-06-28', to: '2020-07-27', due: '2020-07-28' });
    expect(m.at(-1)).toMatchObject({ from: '2020-12-28', to: '2020-12-31' });
  });
});

describe('reporting periods', () => {
  test('weeks, months, then the whole campaign; 累计 runs from the campaign start to each period end', () => {
    const all = reportingPeriods(june2020);
    expect(all.map((p) => p.kind)).toEqual(['week', 'week', 'week', 'week', 'week', 'month', 'campaign']);
    for (const p of all) expect(p.cumulative).toEqual({ from: '2020-06-01', to: p.to });
    expect(all.at(-1)?.label).toBe('全程（6月1日—6月30日）');
  });

  test('the current period: containing today, or the one due today in before-deadline mode', () => {
    const natural = reportingPeriods(june2020);
    expect(currentPeriod(natural, '2020-06-11')?.from).toBe('2020-06-08');
    expect(currentPeriod(natural, '2020-06-14')?.from).toBe('2020-06-08');
    expect(currentPeriod(natural, '2020-05-20')?.from).toBe('2020-06-01');
    expect(currentPeriod(natural, '2020-07-03')?.from).toBe('2020-06-29');
    expect(currentPeriod(natural, '2020-06-11', 'month')?.name).toBe('6月');
    const before = reportingPeriods({ ...june2020, periodMode: 'before-deadline' });
    // Thursday, the deadline: the week that ended yesterday is the one to send.
    expect(currentPeriod(before, '2020-06-11')?.from).toBe('2020-06-04');
    expect(currentPeriod(before, '2020-06-12')?.from).toBe('2020-06-11');
  });

  test('a range is the named period when it is one, else a custom period', () => {
    expect(periodFromRange(june2020, '2020-06-08', '2020-06-14').name).toBe('第2周');
    const c = periodFromRange(june2020, '2020-06-10', '2020-06-16');
    expect(c).toMatchObject({
      kind: 'custom',
      label: '6月10日—6月16日',
      cumulative: { from: '2020-06-01', to: '2020-06-16' },
    });
  });
});

describe('a log’s schedule', () => {
  const liaoning = getTemplate('liaoning-market-2020');
  const newLog = () =>
    UnitLog.create({
      unitName: '某市场监管局',
      campaign: '2020 安全生产月',
      templateIds: [],
      user: '张三',
      shards: 2,
    });

  test('from the notice: campaign dates and the weekly Thursday rule; default natural weeks', () => {
    const log = newLog();
    const s = logSchedule(log, liaoning);
    expect(s).toMatchObject({
      periodMode: 'natural',
      campaign: { start: '2020-06-01', end: '2020-06-30' },
      from: { periodMode: 'default', campaign: 'notice' },
    });
    expect(logPeriods(log, liaoning).find((p) => p.kind === 'week')?.due).toBe('2020-06-04');
  });

  test('edited in 截止日期: week definition, campaign dates, a deadline changed, removed, added', () => {
    const log = newLog();
    log.editSchedule({ periodMode: 'before-deadline', campaignStart: '2020-06-03' });
    const weekly = liaoning?.deadlines.find((d) => d.kind === 'weekly');
    log.setDeadline({ ...weekly, weekday: 5 });
    log.removeDeadline('summary-2020-07-06');
    log.setDeadline({
      id: 'monthly-own',
      kind: 'monthly',
      title: '月报',
      dayOfMonth: 25,
      source: '本单位添加',
    });
    const s = logSchedule(log, liaoning);
    expect(s.campaign).toEqual({ start: '2020-06-03', end: '2020-06-30' });
    expect(s.from.campaign).toBe('unit');
    expect(s.deadlines.find((d) => d.kind === 'weekly')?.weekday).toBe(5);
    expect(s.deadlines.some((d) => d.id === 'summary-2020-07-06')).toBe(false);
    expect(s.deadlines.some((d) => d.id === 'monthly-own')).toBe(true);
    const w = logPeriods(log, liaoning).filter((p) => p.kind === 'week');
    expect(w[0]).toMatchObject({ from: '2020-06-03', to: '2020-06-04', due: '2020-06-05' });
    log.resetDeadline(weekly?.id as string);
    log.editSchedule({ periodMode: null, campaignStart: null });
    expect(logSchedule(log, liaoning)).toMatchObject({
      periodMode: 'natural',
      campaign: { start: '2020-06-01' },
    });
  });

  test('photo and video format: the notice’s, or the unit’s own', () => {
    const log = newLog();
    expect(logSchedule(log, getTemplate('jiexi-2020')).media.map((m) => m.kind)).toEqual(['video', 'image']);
    log.setMediaRequirements([
      { kind: 'image', formats: ['JPG'], width: 1280, height: 720, minimum: true, source: '本单位' },
    ]);
    expect(logSchedule(log, getTemplate('jiexi-2020'))).toMatchObject({
      mediaFrom: 'unit',
      media: [{ width: 1280 }],
    });
    expect(() => log.setMediaRequirements([{ kind: 'photo' }])).toThrow();
    log.setMediaRequirements(null);
    expect(logSchedule(log, liaoning).media).toEqual([]);
  });

  test('bad edits are refused with a Chinese reason and change nothing', () => {
    const log = newLog();
    expect(() => log.editSchedule({ campaignStart: '2020-06-31' })).toThrow(/date/);
    expect(() => log.editSchedule({ campaignStart: '2020-07-01', campaignEnd: '2020-06-30' })).toThrowError(
      expect.objectContaining({ messageZh: '活动结束日期不能早于开始日期' }),
    );
    expect(() => log.setDeadline({ id: 'x', kind: 'weekly', title: '', source: '' })).toThrow();
    expect(log.scheduleEdits()).toEqual({ deadlines: {} });
  });

  test('two colleagues editing different deadlines at the same time both keep theirs', () => {
    const { a, b } = pair();
    a.setDeadline({ id: 'weekly-a', kind: 'weekly', title: '周报', weekday: 4, source: '' });
    b.setDeadline({ id: 'monthly-b', kind: 'monthly', title: '月报', dayOfMonth: 28, source: '' });
    sync(a, b);
    expect(Object.keys(a.scheduleEdits().deadlines).sort()).toEqual(['monthly-b', 'weekly-a']);
    expect(b.scheduleEdits()).toEqual(a.scheduleEdits());
  });

  test('a past year’s table used this year: the notice’s dates move to the campaign’s year', () => {
    const log = UnitLog.create({
      unitName: '漠河市应急管理局',
      campaign: '2026年“安全生产月”',
      templateIds: ['liaoning-market-2020'],
      user: '张三',
      shards: 2,
    });
    const s = logSchedule(log, liaoning);
    expect(s.year).toBe(2026);
    expect(s.noticeYear).toBe(2020);
    expect(s.campaign).toEqual({ start: '2026-06-01', end: '2026-06-30' });
    expect(s.deadlines.filter((d) => d.date).map((d) => d.date)).toEqual([
      '2026-07-06',
      '2026-07-06',
      '2026-12-20',
    ]);
    // The weekly rule has no year; its Thursdays are June 2026's.
    expect(logPeriods(log, liaoning).find((p) => p.kind === 'week')?.due).toBe('2026-06-04');
    // The year confirmed at creation wins over the campaign's name.
    log.editSchedule({ year: 2027 });
    expect(logSchedule(log, liaoning).campaign.start).toBe('2027-06-01');
    expect(() => log.editSchedule({ year: 26 })).toThrowError(
      expect.objectContaining({ messageZh: '年份请填写四位数字，例如 2026' }),
    );
    // Same year as the notice: nothing moves, no notice year is reported.
    log.editSchedule({ year: 2020 });
    expect(logSchedule(log, liaoning).noticeYear).toBeUndefined();
    expect(logSchedule(log, liaoning).deadlines[1]?.date).toBe('2020-07-06');
  });

  test('29 February moves to 28 February in a common year', () => {
    expect(shiftDate('2020-02-29', 1)).toBe('2021-02-28');
    expect(shiftDate('2020-06-30', 6)).toBe('2026-06-30');
  });

  test('no notice: June of the year in the campaign name, natural weeks', () => {
    const log = newLog();
    const s = logSchedule(log, undefined);
    expect(s.campaign).toEqual({ start: '2020-06-01', end: '2020-06-30' });
    expect(s.from.campaign).toBe('default');
  });
});
