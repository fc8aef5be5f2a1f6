import type { Deadline } from '@tianbao/templates';
import { dayText, describeRange } from './date-text.ts';
import { addDays, dayInMonth, isoOf, lastDayOfMonth, weekdayOf } from './iso-date.ts';

/**
 * How a week (and a month) of a periodic submission is counted:
 * - natural: 自然周 Monday–Sunday and 自然月, the week or month the deadline falls in;
 * - before-deadline: the seven days ending the day before each weekly deadline (周四报送: 上周四至本周三), and
 *   the month ending the day before each monthly deadline (28号报送: 上月28日至本月27日).
 */
export type PeriodMode = 'natural' | 'before-deadline';

export const DEFAULT_PERIOD_MODE: PeriodMode = 'natural';

export const PERIOD_MODE_ZH: Record<PeriodMode, string> = {
  natural: '自然周（周一至周日）、自然月',
  'before-deadline':
    '截止日前七天（如周四报送：上周四至本周三）、截止日前一个月（如28号报送：上月28日至本月27日）',
};

/** What periods are computed from: the notice's schedule as the unit confirmed or changed it. */
export interface Schedule {
  periodMode: PeriodMode;
  /** The campaign's dates; 累计 counts from `start`. */
  campaign: { start: string; end: string };
  deadlines: readonly Deadline[];
}

export type PeriodKind = 'week' | 'month' | 'campaign' | 'custom';

export interface ReportingPeriod {
  /** `<kind>:<from>..<to>`: the same period always has the same id. */
  id: string;
  kind: PeriodKind;
  /** 第2周, 7月, 全程 */
  name: string;
  /** 第2周（6月8日—6月14日） */
  label: string;
  /** Inclusive, by the entries' 日期. */
  from: string;
  to: string;
  /** When this period's material is due (the notice's weekly or monthly deadline), if it has one. */
  due?: string;
  dueHour?: number;
  deadlineId?: string;
  /** 累计 for this period: from the campaign's start to the period's end (not to today). */
  cumulative: { from: string; to: string };
}

// ISO dates compare as strings.
const earlier = (a: string, b: string) => (a < b ? a : b);
const later = (a: string, b: string) => (a > b ? a : b);

const weeklyRule = (s: Schedule) => s.deadlines.find((d) => d.kind === 'weekly' && d.weekday);
const monthlyRule = (s: Schedule) => s.deadlines.find((d) => d.kind === 'monthly' && d.dayOfMonth);

/** The dates a rule applies to within the campaign (its months, when it names them). */
function ruleSpan(s: Schedule, rule: Deadline | undefined): { start: string; end: string } {
  const { start, end } = s.campaign;
  const months = rule?.months;
  if (!months?.length) return { start, end };
  const year = Number(start.slice(0, 4));
  const first = months.reduce((m, x) => Math.min(m, x), Number.POSITIVE_INFINITY);
  const last = months.reduce((m, x) => Math.max(m, x), Number.NEGATIVE_INFINITY);
  const ruleStart = isoOf(year, first, 1);
  const ruleEnd = isoOf(year, last, lastDayOfMonth(year, last));
  const span = { start: later(ruleStart, start), end: earlier(ruleEnd, end) };
  return span.start <= span.end ? span : { start, end };
}

const inMonths = (iso: string, rule: Deadline) =>
  !rule.months?.length || rule.months.includes(Number(iso.slice(5, 7)));

function make(
  kind: PeriodKind,
  name: string,
  from: string,
  to: string,
  campaignStart: string,
  due?: { date: string; rule: Deadline },
): ReportingPeriod {
  const range = describeRange({ from, to });
  return {
    id: `${kind}:${from}..${to}`,
    kind,
    name,
    label: kind === 'custom' ? range : `${name}（${range}）`,
    from,
    to,
    ...(due && {
      due: due.date,
      ...(due.rule.hour !== undefined && { dueHour: due.rule.hour }),
      deadlineId: due.rule.id,
    }),
    cumulative: { from: earlier(campaignStart, from), to },
  };
}

/**
 * Weeks covering the campaign (or the months the weekly rule names): Monday–Sunday, or in
 * before-deadline mode weeks starting on the deadline's weekday, so each ends the day before it. The
 * first and last weeks are cut at the campaign's ends. A notice without a weekly rule still gets natural
 * weeks, without a due date, for portals that ask 本周.
 */
export function weeks(s: Schedule): ReportingPeriod[] {
  const rule = weeklyRule(s);
  const span = ruleSpan(s, rule);
  const startDay = s.periodMode === 'before-deadline' && rule?.weekday ? rule.weekday : 1;
  const out: ReportingPeriod[] = [];
  let from = span.start;
  while (from <= span.end) {
    const weekEnd = addDays(from, (startDay - weekdayOf(from) + 6) % 7);
    const to = earlier(weekEnd, span.end);
    let due: { date: string; rule: Deadline } | undefined;
    if (rule?.weekday) {
      // natural: the deadline's weekday inside this week; before-deadline: the day after the week.
      const weekStart = addDays(weekEnd, -6);
      const date =
        s.periodMode === 'before-deadline' ? addDays(weekEnd, 1) : addDays(weekStart, rule.weekday - 1);
      if (inMonths(date, rule)) due = { date, rule };
    }
    out.push(make('week', `第${out.length + 1}周`, from, to, s.campaign.start, due));
    from = addDays(to, 1);
  }
  return out;
}

/** Calendar months of the campaign, or in before-deadline mode months ending the day before the monthly deadline. */
export function months(s: Schedule): ReportingPeriod[] {
  const rule = monthlyRule(s);
  const byDeadline = s.periodMode === 'before-deadline' && rule?.dayOfMonth;
  const { start, end } = s.campaign;
  const out: ReportingPeriod[] = [];
  let from = start;
  while (from <= end) {
    const y = Number(from.slice(0, 4));
    const m = Number(from.slice(5, 7));
    let monthEnd: string;
    let dueDate: string | undefined;
    if (byDeadline && rule?.dayOfMonth) {
      // The period running up to the next deadline day after `from`.
      const thisMonth = dayInMonth(y, m, rule.dayOfMonth);
      dueDate = thisMonth > from ? thisMonth : dayInMonth(y, m + 1, rule.dayOfMonth);
      monthEnd = addDays(dueDate, -1);
    } else {
      monthEnd = isoOf(y, m, lastDayOfMonth(y, m));
      if (rule?.dayOfMonth) dueDate = dayInMonth(y, m, rule.dayOfMonth);
    }
    const to = earlier(monthEnd, end);
    const due = rule && dueDate && inMonths(dueDate, rule) ? { date: dueDate, rule } : undefined;
    // Named by the month its material is due in (7月 for 6月28日—7月27日), else the month it ends in.
    const name = `${Number((byDeadline && due ? due.date : to).slice(5, 7))}月`;
    out.push(make('month', name, from, to, start, due));
    from = addDays(to, 1);
  }
  return out;
}

/** Weeks, then months, then the whole campaign: every period a person may report on. */
export function reportingPeriods(s: Schedule): ReportingPeriod[] {
  const { start, end } = s.campaign;
  return [...weeks(s), ...months(s), make('campaign', '全程', start, end, start)];
}

/** A range the person typed (6月8日—6月14日), with its 累计 from the campaign's start. */
export function customPeriod(s: Schedule, from: string, to: string): ReportingPeriod {
  return make('custom', `${dayText(from)}—${dayText(to)}`, from, to, s.campaign.start);
}

/**
 * The period a person is most likely reporting on today: of the given kind, the first one whose material
 * is due today or later (so on a Thursday deadline in before-deadline mode, the week that just ended);
 * else the one containing today; before the campaign the first, after it the last.
 */
export function currentPeriod(
  periods: readonly ReportingPeriod[],
  today: string,
  kind: PeriodKind = 'week',
): ReportingPeriod | undefined {
  const list = periods.filter((p) => p.kind === kind);
  const containing = list.find((p) => p.from <= today && today <= p.to);
  const dueNext = list.find((p) => p.due && p.due >= today && p.from <= today);
  if (dueNext && (!containing || (dueNext.due ?? '') < (containing.due ?? '9999'))) return dueNext;
  if (containing) return containing;
  const first = list[0];
  if (first && today < first.from) return first;
  return list.at(-1);
}

/** `2020-06-08..2020-06-14` → the period with that range, or a custom one (累计 from the campaign's start). */
export function periodFromRange(s: Schedule, from: string, to: string): ReportingPeriod {
  return reportingPeriods(s).find((p) => p.from === from && p.to === to) ?? customPeriod(s, from, to);
}
