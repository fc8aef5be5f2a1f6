import { UnitLog } from '@tianbao/core';
import type { Template } from '@tianbao/templates';
import { createLog, type OpenLog } from './log-client';
import { applyDraft, type NoticeDraft, planLog } from './notice-draft';
import { saveImportedTemplate } from './templates';

/**
 * Checks what the person confirmed on a scratch log first (the same validation the real log does), so a
 * refused item is reported before anything is created and no half-made log is left behind.
 */
export function checkDraft(draft: NoticeDraft, base = planLog(draft).base): void {
  const scratch = UnitLog.create({ unitName: '核对', campaign: '核对', templateIds: [], user: '核对' });
  applyDraft(scratch, draft, base);
}

/**
 * 截止日期 from a new (or supplementary) notice for an existing log: its schedule, media requirements and
 * notice record, as differences from the log's own table; the table itself stays.
 */
export function updateLogFromNotice(log: UnitLog, draft: NoticeDraft, base: Template | undefined): void {
  checkDraft(draft, base);
  applyDraft(log, draft, base);
}

/** 开始使用 from a notice file: the log with the notice's statistics table and the reviewed schedule. */
export async function createLogFromNotice(
  draft: NoticeDraft,
  unitName: string,
  campaign: string,
): Promise<OpenLog> {
  checkDraft(draft);
  const plan = planLog(draft);
  for (const t of plan.toSave) await saveImportedTemplate(t);
  const open = await createLog({ unitName, campaign, templateIds: plan.templateIds });
  // The year the reviewed dates are in is the campaign's, whatever the campaign is called.
  open.session.log.editSchedule({ year: draft.datesYear });
  applyDraft(open.session.log, draft, plan.base);
  return open;
}
