import type { Deadline, MediaHint, Template } from '@tianbao/templates';
import type { UnitLog } from '../model/unit-log.ts';
import { isoOf } from './iso-date.ts';
import {
  DEFAULT_PERIOD_MODE,
  type ReportingPeriod,
  reportingPeriods,
  type Schedule,
} from './reporting-periods.ts';

export interface LogSchedule extends Schedule {
  year: number;
  /** Where each setting comes from, for the 截止日期 screen: the notice, the unit, or the default. */
  from: { periodMode: 'unit' | 'default'; campaign: 'unit' | 'notice' | 'default' };
  /** The notice's sentence the campaign dates were read from, when they were. */
  campaignSource?: string;
  /** What photos and videos must be (the unit's setting, else the notice's). */
  media: MediaHint[];
  mediaFrom: 'unit' | 'notice';
}

/** The campaign's year: the template's notice, else the year in the log's campaign name, else this year. */
export function campaignYear(log: UnitLog, template: Template | undefined): number {
  const named = /(19|20)\d{2}/.exec(log.meta().campaign)?.[0];
  return template?.source.year ?? (named ? Number(named) : new Date().getFullYear());
}

/**
 * The log's schedule: the notice's deadlines and campaign dates (安全生产月: June of its year when the
 * notice does not say), with the unit's edits from 截止日期 on top.
 */
export function logSchedule(log: UnitLog, template: Template | undefined): LogSchedule {
  const edits = log.scheduleEdits();
  const year = campaignYear(log, template);
  const notice = template?.campaign;
  const deadlines: Deadline[] = [];
  for (const d of template?.deadlines ?? []) {
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
  };
}

export function logPeriods(log: UnitLog, template: Template | undefined): ReportingPeriod[] {
  return reportingPeriods(logSchedule(log, template));
}
