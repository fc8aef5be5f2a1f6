export type {
  CellSpec,
  CellValue,
  MergeSpec,
  PrintSpec,
  ReadSheet,
  ReadValue,
  RowSpec,
  SheetSpec,
  StyledCell,
  StyleSpec,
  WorkbookReader,
  WorkbookSpec,
  WorkbookWriter,
  WriteOptions,
  WriteProgress,
} from './adapter.ts';
export { ExcelImportError, type ExcelImportErrorCode } from './errors.ts';
export { exceljsReader, exceljsWriter } from './exceljs-adapter.ts';
export {
  buildExportSpec,
  DETAIL_HEADERS,
  type DetailRow,
  detailRows,
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  type ExportInput,
  exportXlsx,
  exportXlsxToStream,
  LEDGER_HEADERS,
  SHEET,
} from './export-workbook.ts';
export { parseLedgerDate } from './ledger-date.ts';
export {
  type ColumnMapping,
  type ColumnTarget,
  type EntryField,
  guessColumns,
  type ImportedEntry,
  type InvalidReason,
  type InvalidRow,
  type LedgerResult,
  type LedgerRow,
  type LedgerSheet,
  ledgerToEntries,
  readLedger,
} from './ledger-import.ts';
export { ledgerSheetIndex } from './ledger-sheet-choice.ts';
export { exportPlanXlsx, type PlanSheetInput, planSheet } from './plan-sheet.ts';
export { coerceValue, type ExportedTable, readExportedTable } from './read-exported.ts';
export {
  incompleteNote,
  missingUnits,
  type RollupFile,
  type RollupProblem,
  type RollupProblemCode,
  type RollupResult,
  type RollupUnit,
  rollup,
  rollupExportInput,
} from './rollup.ts';
export { assertXlsxBytes } from './sniff.ts';
export {
  type ExportTemplate,
  rowSentence,
  slotKey,
  slotPhrase,
  type TemplateRow,
  type TemplateSlot,
  tableRows,
} from './template.ts';
export { checkXlsxLimits, XLSX_LIMITS } from './xlsx-limits.ts';
