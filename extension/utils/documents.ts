import type { Template } from '@tianbao/templates';
import type { MadeDocument } from '../components/document-download';
import type { OpenLog } from './log-client';

// The documents a unit hands in, made from the log as it is at the click. Their libraries (docx, exceljs)
// load only here, when a document is made, not with the dashboard.

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 总结初稿 (.docx): every figure equals the 统计表 at this moment. */
export async function makeSummary(open: OpenLog, template: Template): Promise<MadeDocument> {
  const { summaryDocx, summaryInput, documentFileName, chinaDay } = await import('@tianbao/reports');
  const { TERM } = await import('@tianbao/templates');
  await open.ready;
  const now = Date.now();
  const { bytes, draft } = await summaryDocx(summaryInput(open.session.log, template, now));
  const prompts = draft.blocks.filter((b) => b.kind === 'prompt').length;
  return {
    bytes,
    name: documentFileName([draft.properties.creator, '活动总结初稿', chinaDay(now)], 'docx'),
    type: DOCX_TYPE,
    note: `（写入${TERM.table}中的 ${draft.figures.length} 个数，${prompts} 处【】需要您补写；请用 WPS 或 Word 打开修改）`,
  };
}

/** 重点活动计划安排表, as Word or as Excel: the notice's columns, ready to seal. */
export async function makePlanTable(open: OpenLog, format: 'docx' | 'xlsx'): Promise<MadeDocument> {
  const { planTableDocx, unitFormInput, unitOf, documentFileName, chinaDay } = await import(
    '@tianbao/reports'
  );
  const input = unitFormInput(open.session.log);
  const day = input.reportDate ?? chinaDay(input.generatedAt);
  const name = documentFileName([unitOf(input), '重点活动计划安排表', day], format);
  const count = input.plans.filter((p) => p.deletedAt === undefined).length;
  if (format === 'docx')
    return { bytes: await planTableDocx(input), name, type: DOCX_TYPE, note: `（${count} 项计划）` };
  const { exportPlanXlsx } = await import('@tianbao/excel');
  const bytes = await exportPlanXlsx({
    unitName: input.unitName,
    profile: input.profile,
    plans: input.plans,
    date: day,
  });
  return { bytes, name, type: XLSX_TYPE, note: `（${count} 项计划）` };
}

/** 联络员推荐表 (.docx) from the liaison profile. */
export async function makeLiaisonForm(open: OpenLog): Promise<MadeDocument> {
  const { liaisonFormDocx, unitFormInput, unitOf, documentFileName, chinaDay } = await import(
    '@tianbao/reports'
  );
  const input = unitFormInput(open.session.log);
  const empty = Object.values(input.profile).filter((v) => !v).length;
  return {
    bytes: await liaisonFormDocx(input),
    name: documentFileName([unitOf(input), '联络员推荐表', chinaDay(input.generatedAt)], 'docx'),
    type: DOCX_TYPE,
    note: empty ? `（还有 ${empty} 项没有填写，打印后可手写）` : '',
  };
}
