import { localToday, reportDateOf, type UnitLog } from '@tianbao/core';
import type { Template } from '@tianbao/templates';

/**
 * 填报日期 at the moment the person reports (prints the table, exports Excel, fills the portal): the log's
 * one date (core's reportDateOf), else today, which is then recorded in the log so every later place
 * shows the same day.
 */
export function reportDateNow(
  log: UnitLog,
  template: Template | undefined,
  today = localToday(),
): { date: string; recorded: boolean } {
  const date = reportDateOf(log, template) ?? today;
  if (log.reportDate() === date) return { date, recorded: false };
  log.setReportDate(date);
  return { date, recorded: true };
}
