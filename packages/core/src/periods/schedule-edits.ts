import { Deadline, MediaHint } from '@tianbao/templates';
import { LogInputError } from '../errors.ts';
import { isValidDate } from '../model/validate.ts';
import type { PeriodMode } from './reporting-periods.ts';

/** What a unit changed of its notice's schedule (stored in the log, shared by every colleague). */
export interface ScheduleEdits {
  /** The campaign's year, confirmed when the log was created (a past year's table used this year). */
  year?: number;
  periodMode?: PeriodMode;
  campaignStart?: string;
  campaignEnd?: string;
  /** By deadline id: the unit's version of it, or null when the unit removed it. */
  deadlines: Record<string, Deadline | null>;
  /** The photo and video format the unit's reports must meet, when the unit set it (else the notice's). */
  media?: MediaHint[];
}

type Patch = {
  year?: number | null;
  periodMode?: PeriodMode | null;
  campaignStart?: string | null;
  campaignEnd?: string | null;
};

export function validateScheduleEdit(patch: Patch, current: ScheduleEdits): Patch {
  const out: Patch = {};
  if (patch.year !== undefined) {
    if (patch.year !== null && !(Number.isInteger(patch.year) && patch.year >= 2000 && patch.year <= 2100))
      throw new LogInputError('year', 'must be a year 2000–2100', '年份请填写四位数字，例如 2026');
    out.year = patch.year;
  }
  if (patch.periodMode !== undefined) {
    if (patch.periodMode !== null && patch.periodMode !== 'natural' && patch.periodMode !== 'before-deadline')
      throw new LogInputError('periodMode', 'must be natural or before-deadline', '统计区间的算法不对');
    out.periodMode = patch.periodMode;
  }
  for (const key of ['campaignStart', 'campaignEnd'] as const) {
    const v = patch[key];
    if (v === undefined) continue;
    if (v !== null && !isValidDate(v))
      throw new LogInputError(key, 'must be a date YYYY-MM-DD', '请填写正确的日期，例如 2020-06-01');
    out[key] = v;
  }
  const start = out.campaignStart === undefined ? current.campaignStart : out.campaignStart;
  const end = out.campaignEnd === undefined ? current.campaignEnd : out.campaignEnd;
  if (start && end && start > end)
    throw new LogInputError('campaignEnd', 'is before the start', '活动结束日期不能早于开始日期');
  return out;
}

export function validateDeadline(input: unknown): Deadline {
  const parsed = Deadline.safeParse(input);
  if (!parsed.success)
    throw new LogInputError('deadline', parsed.error.issues[0]?.message ?? 'invalid', '截止日期的内容不完整');
  const d = parsed.data;
  if (d.date !== undefined && !isValidDate(d.date))
    throw new LogInputError(
      'deadline.date',
      'must be a date YYYY-MM-DD',
      '请填写正确的日期，例如 2020-06-30',
    );
  if (!d.date && !d.weekday && !d.dayOfMonth && !d.withinDays)
    throw new LogInputError('deadline', 'needs a date, a weekday or a day of the month', '请填写截止日期');
  return d;
}

export function validateMedia(input: unknown): MediaHint[] {
  const parsed = MediaHint.array().max(10).safeParse(input);
  if (!parsed.success)
    throw new LogInputError(
      'media',
      parsed.error.issues[0]?.message ?? 'invalid',
      '材料格式要求填写得不完整',
    );
  return parsed.data;
}
