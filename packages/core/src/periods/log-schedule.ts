import type { Deadline, MediaHint, Template } from '@tianbao/templates';
import type { UnitLog } from '../model/unit-log.ts';
import { isoOf } from './iso-date.ts';
import {
  DEFAULT_PERIOD_MODE,
  type ReportingPeriod,
  reportingPeriods,
  type Schedule,
} from './reporting-periods.ts';
import { shiftDate, shiftDeadline } from './year-shift.ts';

export interface LogSchedule extends Schedule {
  year: number;
  /** Where each setting comes from, for the 截止日期 screen: the notice, the unit, or the default. */
  from: { periodMode: 'unit' | 'default'; campaign: 'unit' | 'notice' | 'default' };
  /** The notice's sentence the campaign dates were read from, when they were. */
  campaignSource?: string;
  /** What photos and videos must be (the unit's setting, else the notice's). */
  media: MediaHint[];
  mediaFrom: 'unit' | 'notice';
  /**
   * The year of the notice the table came from, when it is not the campaign's (a built-in 2020 table used
   * in 2026): the notice's dates were moved to the campaign's year.
   */
  noticeYear?: number;
}

/** The year named in a campaign's name (2026年“安全生产月”), if any. */
export function namedYear(campaign: string): number | undefined {
  const named = /(?:19|20)\d{2}/u.exec(campaign)?.[0];
  return named ? Number(named) : undefined;
}

/**
 * The campaign's year: the one the unit confirmed when it created the log, else the year in the log's
 * campaign name, else the notice's, else this year. A table from a past year's notice does not make the
 * campaign that year's.
 */
export function campaignYear(log: UnitLog, template: Template | undefined): number {
  return (
    log.scheduleEdits().year ??
    namedYear(log.meta().campaign) ??
    template?.source.year ??
    new Date().getFullYear()
  );
}

/**
 * The log's schedule: the notice's deadlines and campaign dates (安全生产月: June of its year when the
 * notice does not say), with the unit's edits from 截止日期 on top.
 */
export function logSchedule(log: UnitLog, template: Template | undefined): LogSchedule {
  const edits = log.scheduleEdits();
  const year = campaignYear(log, template);
  const noticeYear = template?.source.year;
  const shift = noticeYear !== undefined ? year - noticeYear : 0;
  const notice = template?.campaign && {
    ...template.campaign,
    start: shiftDate(template.campaign.start, shift),
    end: shiftDate(template.campaign.end, shift),
  };
  const deadlines: Deadline[] = [];
  for (const d of noticeDeadlines(template, year)) {
    const edited = edits.deadlines[d.id];
    if (edited === null) continue;
    deadlines.push(edited ?? d);
  }
  for (const [id, d] of Object.entries(edits.deadlines))
    if (d && !deadlines.some((x) => x.id === id)) deadlines.push(d);
  let start = edits.campaignStart ?? notice?.start ?? isoOf(year, 6, 1);
  let end = edits.campaignEnd ?? notice?.end ?? isoOf(year, 6, 30);
  // One side edited past the other's default (a campaign moved to July): keep a valid range.
  if (start > end) [start, end] = edits.campaignStart ? [start, start] : [end, end];
  return {
    periodMode: edits.periodMode ?? DEFAULT_PERIOD_MODE,
    campaign: { start, end },
    deadlines,
    year,
    from: {
      periodMode: edits.periodMode ? 'unit' : 'default',
      campaign: edits.campaignStart || edits.campaignEnd ? 'unit' : notice ? 'notice' : 'default',
    },
    ...(notice && { campaignSource: notice.source }),
    media: edits.media ?? [...(template?.media ?? [])],
    mediaFrom: edits.media ? 'unit' : 'notice',
    ...(shift !== 0 && { noticeYear }),
  };
}

/** The notice's deadlines with their dates in the campaign's year (what 恢复原样 goes back to). */
export function noticeDeadlines(template: Template | undefined, year: number): Deadline[] {
  const from = template?.source.year;
  const shift = from !== undefined ? year - from : 0;
  return (template?.deadlines ?? []).map((d) => shiftDeadline(d, shift));
}

export function logPeriods(log: UnitLog, template: Template | undefined): ReportingPeriod[] {
  return reportingPeriods(logSchedule(log, template));
}
