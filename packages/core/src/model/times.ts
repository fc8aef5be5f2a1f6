import { LogInputError } from '../errors.ts';
import { isValidDate } from './validate.ts';

/**
 * Times a log records (created, updated, deleted, a manual value's) lie between these: a time outside is
 * a mistake or an attack (-1e20 made a log unexportable: "Invalid time value").
 */
export const MIN_TIME = Date.UTC(2000, 0, 1);
export const MAX_TIME = Date.UTC(2100, 0, 1);

/** ISO 8601: a date (UTC midnight), or a date and time with Z or an offset (a time without one is ambiguous). */
const ISO = /^(\d{4}-\d{2}-\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

const refuse = (path: string) =>
  new LogInputError(
    path,
    'must be a time: ISO 8601 (2020-06-02 or 2020-06-02T08:00:00+08:00) or milliseconds since 1970',
    '时间格式不正确',
  );

/** Epoch milliseconds from a number or an ISO 8601 text, range-checked; throws naming the field. */
export function parseTime(path: string, v: unknown): number {
  let t: number;
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) throw refuse(path);
    t = v;
  } else if (typeof v === 'string') {
    const m = ISO.exec(v.trim());
    if (!m || !isValidDate(m[1] as string)) throw refuse(path);
    t = Date.parse(v.trim());
    if (Number.isNaN(t)) throw refuse(path);
  } else throw refuse(path);
  if (t < MIN_TIME || t >= MAX_TIME)
    throw new LogInputError(
      path,
      `is out of range (${new Date(MIN_TIME).toISOString()} to ${new Date(MAX_TIME).toISOString()})`,
      '时间超出范围（2000年至2099年）',
    );
  return t;
}
