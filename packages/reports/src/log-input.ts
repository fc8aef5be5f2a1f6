import { campaignYear, reportDateOf, templateValues, type UnitLog } from '@tianbao/core';
import type { Template } from '@tianbao/templates';
import type { UnitFormInput } from './plan-table.ts';
import type { SummaryInput } from './summary-draft.ts';

/**
 * A log's records for its documents, read at one moment, the same way for the CLI and the extension: the
 * blanks as the 统计表 shows them, live entries and plans, the unit as it signs, and the log's state.
 * Needs every shard loaded (the extension waits for `ready`).
 */
export function summaryInput(log: UnitLog, template: Template, now = Date.now()): SummaryInput {
  return {
    template,
    meta: log.meta(),
    stats: templateValues(log, template),
    entries: log.listEntries(),
    plans: log.listPlans(),
    unitName: log.getProfile().unitName || log.meta().unitName,
    year: campaignYear(log, template),
    generatedAt: now,
    ...(reportDateOf(log, template) && { reportDate: reportDateOf(log, template) }),
    logState: log.stateDigest(),
  };
}

/**
 * The records of the plan table and the liaison form; their 填报日期 is the one given, else the log's
 * (UnitLog.reportDate), else the day they are made.
 */
export function unitFormInput(log: UnitLog, now = Date.now(), reportDate?: string): UnitFormInput {
  const date = reportDate ?? log.reportDate();
  return {
    unitName: log.meta().unitName,
    profile: log.getProfile(),
    plans: log.listPlans(),
    generatedAt: now,
    ...(date && { reportDate: date }),
  };
}
