import type { ExportInput, WriteProgress } from '@tianbao/excel';

/** Messages to the export worker (excel-worker.ts). */
export type ToExcelWorker = { type: 'export'; input: ExportInput } | { type: 'cancel' };

/** Messages from it: progress every 2,000 rows, then exactly one of done / cancelled / failed. */
export type FromExcelWorker =
  | { type: 'progress'; progress: WriteProgress }
  | { type: 'done'; bytes: Uint8Array }
  | { type: 'cancelled' }
  | { type: 'failed'; message: string };
