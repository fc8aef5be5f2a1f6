import type {
  ExportInput,
  ExportTemplate,
  LedgerSheet,
  RollupFile,
  RollupResult,
  WriteProgress,
} from '@tianbao/excel';
// Vite's `?worker` import, not `new Worker(new URL(…, import.meta.url))`: WXT defines import.meta.url as
// self.location.href for its service worker, which hides that pattern from Vite, and the worker is not built.
import ExcelWorker from './excel-worker?worker';
import type { ExcelJob, FromExcelWorker, JobResult, ToExcelWorker } from './excel-worker-protocol';

export class ExportCancelled extends Error {
  override name = 'ExportCancelled';
}

/** A file the worker could not read, with the ExcelImportError's code (see excel-messages.ts). */
export class WorkerExcelError extends Error {
  override name = 'ExcelImportError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The worker script did not load or start (seen when the extension's files change under a running page). */
export class WorkerStartError extends Error {
  override name = 'WorkerStartError';
}

/** How long a cancelled worker may take to stop on its own (it checks every 2,000 rows) before it is ended. */
const CANCEL_GRACE_MS = 1500;

/**
 * Runs one job in a fresh worker. Aborting `signal` asks the worker to stop, rejects at once with
 * ExportCancelled, and ends the worker if it has not stopped within a moment (the zip step of an export does
 * not look at the signal).
 */
function inWorker<J extends ExcelJob>(
  job: J,
  opts: { signal?: AbortSignal; onProgress?: (p: WriteProgress) => void; transfer?: Transferable[] } = {},
): Promise<JobResult[J['type']]> {
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) return reject(new ExportCancelled('cancelled'));
    const worker: Worker = new ExcelWorker();
    const send = (m: ToExcelWorker, transfer: Transferable[] = []) => worker.postMessage(m, transfer);
    let settled = false;
    const finish = () => {
      settled = true;
      opts.signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      if (settled) return;
      finish();
      send({ type: 'cancel' });
      const timer = setTimeout(() => worker.terminate(), CANCEL_GRACE_MS);
      worker.onmessage = (e: MessageEvent<FromExcelWorker>) => {
        if (e.data.type !== 'progress') {
          clearTimeout(timer);
          worker.terminate();
        }
      };
      reject(new ExportCancelled('cancelled'));
    };
    opts.signal?.addEventListener('abort', onAbort);
    worker.onmessage = (e: MessageEvent<FromExcelWorker>) => {
      const m = e.data;
      if (m.type === 'progress') return opts.onProgress?.(m.progress);
      finish();
      worker.terminate();
      if (m.type === 'done') resolve(m.result as JobResult[J['type']]);
      else if (m.type === 'cancelled') reject(new ExportCancelled('cancelled'));
      else reject(m.code ? new WorkerExcelError(m.code, m.message) : new Error(m.message));
    };
    worker.onerror = (e) => {
      if (settled) return;
      finish();
      worker.terminate();
      reject(new WorkerStartError(e.message || 'the Excel worker failed to start'));
    };
    send(job, opts.transfer);
  });
}

/** Writes the workbook; every export, small or large, takes this path. */
export const exportInWorker = (
  input: ExportInput,
  opts: { signal?: AbortSignal; onProgress?: (p: WriteProgress) => void } = {},
): Promise<Uint8Array> => inWorker({ type: 'export', input }, opts);

/** Reads a hand-kept 台账 (the bytes move to the worker). */
export const readLedgerInWorker = (bytes: Uint8Array): Promise<LedgerSheet[]> =>
  inWorker({ type: 'read-ledger', bytes }, { transfer: [bytes.buffer as ArrayBuffer] });

/** Reads and sums sub-units' exported tables. */
export const rollupInWorker = (files: RollupFile[], template: ExportTemplate): Promise<RollupResult> =>
  inWorker({ type: 'rollup', files, template });
