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
} from './adapter.ts';
export { ExcelImportError, type ExcelImportErrorCode } from './errors.ts';
export { exceljsReader, exceljsWriter } from './exceljs-adapter.ts';
export {
  buildExportSpec,
  DETAIL_HEADERS,
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  type ExportInput,
  exportXlsx,
  exportXlsxToStream,
  SHEET,
} from './export-workbook.ts';
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
