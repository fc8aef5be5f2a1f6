export { chineseNumber } from './figure-words.ts';
export {
  type FigureValue,
  figureSentence,
  hasFigure,
  type RowFigures,
  rowFigures,
  yesStatement,
} from './figures.ts';
export { liaisonFormDocx, liaisonRows } from './liaison-form.ts';
export { summaryInput, unitFormInput } from './log-input.ts';
export { mediaProblems } from './media-check.ts';
export { inspectMedia, type MediaInfo } from './media-inspect.ts';
export { mp4Size } from './mp4-size.ts';
export { activityName, chinaDay, dateText, documentFileName, noticeCitation } from './names.ts';
export {
  type DocumentProperties,
  docxBytes,
  FONTS,
  type FormCell,
  formLine,
  formTable,
  heading,
  leadParagraph,
  officialDocument,
  paragraph,
  prompt,
  table,
  title,
} from './official-document.ts';
export { collectPeriodMedia, type PeriodMedia, safeFileName } from './period-media.ts';
export {
  type BuildPackOptions,
  buildPeriodPack,
  type PeriodPack,
  type PeriodReportInput,
  periodPackZip,
  periodReportDocx,
  periodReportTitle,
  reportActivity,
} from './period-report.ts';
export {
  planTableDocx,
  planTableRows,
  planTableTitle,
  sealLines,
  type UnitFormInput,
  unitOf,
} from './plan-table.ts';
export {
  type DraftBlock,
  type SummaryDraft,
  type SummaryInput,
  summaryDocx,
  summaryDraft,
} from './summary-draft.ts';
