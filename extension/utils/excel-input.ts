import { localToday, templateValues } from '@tianbao/core';
import type { ExportInput } from '@tianbao/excel';
import type { Template } from '@tianbao/templates';
import type { OpenLog } from './log-client';
import { reportDateNow } from './report-date';

/**
 * The log as plain records for the export worker: every shard loaded, live entries, the blanks' values.
 * Exporting the table is reporting it: 填报日期 is the log's, or today recorded as the log's.
 */
export async function ownExportInput(open: OpenLog, template: Template): Promise<ExportInput> {
  await open.ready;
  const log = open.session.log;
  const { date } = reportDateNow(log, template);
  return {
    date,
    template,
    meta: log.meta(),
    profile: log.getProfile(),
    entries: log.listEntries(),
    plans: log.listPlans(),
    stats: templateValues(log, template),
  };
}

/** 漠河市应急管理局-2020年安全生产月统计表-2026-06-30.xlsx (characters Windows refuses in names replaced). */
export function workbookName(...parts: string[]): string {
  const stamp = localToday();
  return `${[...parts.filter(Boolean), stamp].join('-').replace(/[\\/:*?"<>|\s]+/g, '')}.xlsx`;
}
