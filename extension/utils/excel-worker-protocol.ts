import type {
  ExportInput,
  ExportTemplate,
  LedgerSheet,
  RollupFile,
  RollupResult,
  WriteProgress,
} from '@tianbao/excel';

/** Jobs for the Excel worker (excel-worker.ts); one job per worker. */
export type ExcelJob =
  | { type: 'export'; input: ExportInput }
  | { type: 'read-ledger'; bytes: Uint8Array }
  | { type: 'rollup'; files: RollupFile[]; template: ExportTemplate };

export type ToExcelWorker = ExcelJob | { type: 'cancel' };

/** What each job answers with. */
export interface JobResult {
  export: Uint8Array;
  'read-ledger': LedgerSheet[];
  rollup: RollupResult;
}

/** Progress every 2,000 rows (export), then exactly one of done / cancelled / failed. */
export type FromExcelWorker =
  | { type: 'progress'; progress: WriteProgress }
  | { type: 'done'; result: JobResult[ExcelJob['type']] }
  | { type: 'cancelled' }
  /** `code`: an ExcelImportError's, so the page can word it in Chinese. */
  | { type: 'failed'; message: string; code?: string };
