import type { ExportInput, WriteProgress } from '@tianbao/excel';
// Vite's `?worker` import, not `new Worker(new URL(…, import.meta.url))`: WXT defines import.meta.url as
// self.location.href for its service worker, which hides that pattern from Vite, and the worker is not built.
import ExcelWorker from './excel-worker?worker';
import type { FromExcelWorker, ToExcelWorker } from './excel-worker-protocol';

export class ExportCancelled extends Error {
  override name = 'ExportCancelled';
}

/** How long a cancelled worker may take to stop on its own (it checks every 2,000 rows) before it is ended. */
const CANCEL_GRACE_MS = 1500;

/**
 * Writes the workbook in a fresh module worker and resolves with its bytes. Every export, small or large,
 * takes this path. Aborting `signal` asks the worker to stop, rejects at once with ExportCancelled, and ends
 * the worker if it has not stopped within a moment (the final zip step does not look at the signal).
 */
export function exportInWorker(
  input: ExportInput,
  opts: { signal?: AbortSignal; onProgress?: (p: WriteProgress) => void } = {},
): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) return reject(new ExportCancelled('cancelled'));
    const worker: Worker = new ExcelWorker();
    const send = (m: ToExcelWorker) => worker.postMessage(m);
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
      if (m.type === 'done') resolve(m.bytes);
      else if (m.type === 'cancelled') reject(new ExportCancelled('cancelled'));
      else reject(new Error(m.message));
    };
    worker.onerror = (e) => {
      if (settled) return;
      finish();
      worker.terminate();
      reject(new Error(e.message || 'the export worker failed to start'));
    };
    send({ type: 'export', input });
  });
}
