import type { Deadline } from '@tianbao/templates';

/** One due moment of a notice's schedule: a one-off date, or one week of a weekly submission. */
export interface Occurrence {
  deadlineId: string;
  kind: string;
  title: string;
  /** Local time, ms. */
  due: number;
  /** YYYY-MM-DD */
  date: string;
  weekly: boolean;
  source: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** When the notice names no hour, the due moment is the end of the working day. */
const DEFAULT_HOUR = 17;

export function occurrences(deadlines: readonly Deadline[], year: number): Occurrence[] {
  const out: Occurrence[] = [];
  for (const d of deadlines) {
    const hour = d.hour ?? DEFAULT_HOUR;
    const at = (t: Date, weekly: boolean) =>
      out.push({
        deadlineId: d.id,
        kind: d.kind,
        title: d.title,
        due: t.getTime(),
        date: isoDate(t),
        weekly,
        source: d.source,
      });
    if (d.date) {
      const [y, m, day] = d.date.split('-').map(Number) as [number, number, number];
      at(new Date(y, m - 1, day, hour, 0, 0), false);
    } else if (d.dayOfMonth && d.months?.length) {
      for (const month of d.months) {
        // 每月28号 in a short month: its last day.
        const last = new Date(year, month, 0).getDate();
        at(new Date(year, month - 1, Math.min(d.dayOfMonth, last), hour, 0, 0), false);
      }
    } else if (d.weekday && d.months?.length) {
      for (const month of d.months) {
        for (let day = 1; day <= 31; day++) {
          const t = new Date(year, month - 1, day, hour, 0, 0);
          if (t.getMonth() !== month - 1) break;
          const isoWeekday = t.getDay() === 0 ? 7 : t.getDay();
          if (isoWeekday === d.weekday) at(t, true);
        }
      }
    }
  }
  return out.sort((a, b) => a.due - b.due);
}

/** Remind a day ahead for one-off dates, three hours ahead for weekly materials. */
export const remindAt = (o: Occurrence) => o.due - (o.weekly ? 3 : 24) * 3600_000;

export function daysLeft(due: number, now = Date.now()): number {
  return Math.ceil((due - now) / 86_400_000);
}

/**
 * How far a due moment is, in words: 还有 3 天, 今天 17 时截止, 已于 7月3日 截止. Past ones name their date
 * instead of counting days, so a date of another year never reads 「已过 2346 天」.
 */
export function dueWords(due: number, now = Date.now()): string {
  const at = new Date(due);
  const sameDay = new Date(now).toDateString() === at.toDateString();
  if (due >= now && sameDay) return `今天 ${at.getHours()} 时截止`;
  if (due >= now) return `还有 ${Math.max(1, daysLeft(due, now))} 天`;
  const year = at.getFullYear() === new Date(now).getFullYear() ? '' : `${at.getFullYear()}年`;
  return `已于 ${year}${at.getMonth() + 1}月${at.getDate()}日 截止`;
}

// Shared with the command line (`tianbao log deadlines`).
export { DEADLINE_KIND_NAMES, describeDeadline } from '@tianbao/templates';

const WEEKDAYS = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/**
 * The reminder's words (a Chrome notification): 报送活动信息（6月11日 周四 17时截止）, the day as 截止日期
 * names it, never 2026-06-11, and the hour the notice gives.
 */
export function reminderTitle(o: Pick<Occurrence, 'title' | 'due'>): string {
  const at = new Date(o.due);
  const weekday = WEEKDAYS[at.getDay() === 0 ? 7 : at.getDay()];
  return `${o.title}（${at.getMonth() + 1}月${at.getDate()}日 ${weekday} ${at.getHours()}时截止）`;
}
