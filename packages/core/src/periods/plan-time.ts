import { isValidDate } from '../model/validate.ts';
import { describeRange } from './date-text.ts';

/**
 * A plan's 时间 as stored: one day (2026-06-16) or an ISO interval (2026-06-16/2026-06-18), picked from a
 * calendar. Plans written before the picker hold free text (6月16日上午); that stays as written.
 */
export function planTimeValue(start: string, end = ''): string {
  return end && end !== start ? `${start}/${end}` : start;
}

/** The days a stored 时间 names, or undefined for free text the picker cannot show. */
export function planTimeRange(time: string): { start: string; end: string } | undefined {
  const [start = '', end = start, ...rest] = time.trim().split('/');
  if (rest.length || !isValidDate(start) || !isValidDate(end) || end < start) return undefined;
  return { start, end };
}

/** 时间 as a person reads it: 6月16日, 6月16日—6月18日, or the old free text as it was written. */
export function planTimeText(time: string): string {
  const r = planTimeRange(time);
  return r ? describeRange({ from: r.start, to: r.end }) : time;
}
