import { isValidDate, LogInputError, namedYear, noticeDeadlines, shiftDate, UnitLog } from '@tianbao/core';
import type { Deadline, Template } from '@tianbao/templates';

/**
 * This year's dates for a table from a past year's notice, as the person confirms them when creating the
 * log: the notice's dates with the year replaced by the campaign's, each one editable.
 */
export interface YearSchedule {
  year: number;
  campaignStart: string;
  campaignEnd: string;
  /** By deadline id: the date of each one-off deadline (weekly and monthly rules have no year). */
  dates: Record<string, string>;
}

/** The campaign's year from its name (2026年“安全生产月”), else this year. */
export function yearOfCampaign(campaign: string, now = new Date()): number {
  return namedYear(campaign) ?? now.getFullYear();
}

/** The notice's campaign dates in `year` (June when the notice does not say). */
function campaignIn(template: Template, year: number): { start: string; end: string } {
  const shift = template.source.year !== undefined ? year - template.source.year : 0;
  return template.campaign
    ? { start: shiftDate(template.campaign.start, shift), end: shiftDate(template.campaign.end, shift) }
    : { start: `${year}-06-01`, end: `${year}-06-30` };
}

/** The prefill: every date of the notice moved to `year`. */
export function yearScheduleFor(template: Template, year: number): YearSchedule {
  const campaign = campaignIn(template, year);
  const dates: Record<string, string> = {};
  for (const d of noticeDeadlines(template, year)) if (d.date) dates[d.id] = d.date;
  return { year, campaignStart: campaign.start, campaignEnd: campaign.end, dates };
}

/** The one-off deadlines the person is asked to date, and the rules shown as they are. */
export function yearDeadlines(template: Template, year: number): { dated: Deadline[]; rules: Deadline[] } {
  const all = noticeDeadlines(template, year);
  return { dated: all.filter((d) => d.date), rules: all.filter((d) => !d.date) };
}

/** The log methods the confirmed dates are written through. */
export interface YearScheduleWriter {
  editSchedule(patch: { year?: number; campaignStart?: string | null; campaignEnd?: string | null }): void;
  setDeadline(d: unknown): void;
}

/**
 * Writes the confirmed year and dates into the log, as differences from the notice's dates moved to that
 * year, so 截止日期 shows what the person changed and 恢复原样 goes back to the moved date.
 */
export function applyYearSchedule(log: YearScheduleWriter, template: Template, s: YearSchedule): void {
  log.editSchedule({ year: s.year });
  for (const d of noticeDeadlines(template, s.year)) {
    const date = s.dates[d.id];
    if (!d.date || date === undefined) continue;
    if (!isValidDate(date))
      throw new LogInputError(`date:${d.id}`, 'must be a date YYYY-MM-DD', '请填写这项的截止日期');
    if (date !== d.date) log.setDeadline({ ...d, date });
  }
  const notice = campaignIn(template, s.year);
  for (const [key, value] of [
    ['campaignStart', s.campaignStart],
    ['campaignEnd', s.campaignEnd],
  ] as const)
    if (!isValidDate(value)) throw new LogInputError(key, 'must be a date', '请填写活动的起止日期');
  // The log checks only what it stores; an end kept at the notice's date is not stored.
  if (s.campaignStart > s.campaignEnd)
    throw new LogInputError('campaignEnd', 'is before the start', '活动结束日期不能早于开始日期');
  log.editSchedule({
    campaignStart: s.campaignStart === notice.start ? null : s.campaignStart,
    campaignEnd: s.campaignEnd === notice.end ? null : s.campaignEnd,
  });
}

/** Refuses what the log would refuse, on a scratch log, before the real one is created. */
export function checkYearSchedule(template: Template, s: YearSchedule): void {
  const scratch = UnitLog.create({ unitName: '核对', campaign: '核对', templateIds: [], user: '核对' });
  applyYearSchedule(scratch, template, s);
}
