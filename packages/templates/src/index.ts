export {
  type BlankPart,
  type BlankWords,
  blankName,
  blankSearchText,
  blankSentence,
  blankWords,
  sentenceSlots,
} from './blank-words.ts';
export { extractBlanks } from './blanks.ts';
export { builtinTemplates, getTemplate, listTemplates, type TemplateSummary } from './builtins.ts';
export { extractCampaign } from './campaign.ts';
export { DEADLINE_KIND_NAMES, describeDeadline } from './deadline-words.ts';
export { extractDeadlines } from './deadlines.ts';
export { TemplateImportError, type TemplateImportErrorCode } from './errors.ts';
export {
  ENTRY_LABEL,
  PLAN_LABEL,
  PROFILE_LABEL,
  SOURCE_LABEL,
  TERM,
  VARIANTS,
} from './glossary.ts';
export type { GridMerge } from './grid.ts';
export { IMPORT_LIMITS } from './import-limits.ts';
export {
  type ImportInput,
  type ImportOptions,
  type ImportResult,
  importTable,
  parseTemplate,
} from './import-table.ts';
export { LIAISON_FIELDS, liaisonTemplate } from './liaison.ts';
export { extractMediaHints } from './media.ts';
export {
  NOTICE_MAX_BYTES,
  type NoticeFileOptions,
  type NoticeFileResult,
  type NoticeFormat,
  readNoticeFile,
} from './notice-file.ts';
export { NoticeFileError, type NoticeFileErrorCode } from './notice-file-error.ts';
export {
  importNotice,
  type NoticeField,
  type NoticeImport,
  type NoticeImportOptions,
} from './notice-import.ts';
export { extractNoticeInfo, type NoticeInfo } from './notice-info.ts';
export type { NoticeWarning } from './notice-warning.ts';
export { PLAN_FIELDS, planTableTitle, planTemplate, sealFields } from './plan.ts';
export { PDF_MAX_PAGES, type PdfJsLib, type PdfRead, readPdf } from './read-pdf.ts';
export { type Revision, reviseTemplate } from './revise.ts';
export { Deadline, Slot, SlotKind } from './schema.ts';
export { stableHash } from './stable-hash.ts';
export {
  CampaignDates,
  findSlot,
  HeaderField,
  MediaHint,
  parseSlotKey,
  resolveSlotKey,
  slotKey,
  TEMPLATE_SCHEMA_VERSION,
  Template,
  type TemplateInput,
  TemplateKind,
  TemplateRow,
  TemplateSource,
} from './template.ts';
export { regionOf, templateOrigin } from './template-origin.ts';
export { UNITS } from './units.ts';
export { checkZip, NOTICE_ZIP_LIMITS, type ZipEntry, ZipLimitError, type ZipLimits } from './zip-limits.ts';
