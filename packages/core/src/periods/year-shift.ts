import type { Deadline } from '@tianbao/templates';
import { dayInMonth } from './iso-date.ts';

/**
 * A built-in table comes from a past year's notice (大兴安岭地区 2020). Used this year, its dates are this
 * year's: the same month and day, `years` later (29 Feb becomes 28 Feb in a common year).
 */
export function shiftDate(iso: string, years: number): string {
  if (years === 0) return iso;
  return dayInMonth(Number(iso.slice(0, 4)) + years, Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

/** The deadline with its date moved by `years`; weekly, monthly and after-activity rules have no year. */
export function shiftDeadline(d: Deadline, years: number): Deadline {
  return d.date && years !== 0 ? { ...d, date: shiftDate(d.date, years) } : d;
}
