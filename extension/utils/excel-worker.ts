// Every exceljs job of the dashboard runs here, off the page's thread: writing a 10k-entry workbook and
// reading a large hand-kept ledger each take seconds.
import { exportXlsx, readLedger, rollup } from '@tianbao/excel';
import type { ExcelJob, FromExcelWorker, JobResult, ToExcelWorker } from './excel-worker-protocol';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ToExcelWorker>) => void) | null;
  postMessage(message: FromExcelWorker, transfer?: Transferable[]): void;
};
let running: AbortController | null = null;

function run(job: ExcelJob, signal: AbortSignal): Promise<JobResult[ExcelJob['type']]> {
  switch (job.type) {
    case 'export':
      return exportXlsx(job.input, {
        signal,
        onProgress: (progress) => scope.postMessage({ type: 'progress', progress }),
      });
    case 'read-ledger':
      return readLedger(job.bytes);
    case 'rollup':
      return rollup(job.files, job.template);
  }
}

scope.onmessage = (e) => {
  const msg = e.data;
  if (msg.type === 'cancel') {
    // The writer checks the signal between batches of rows (it yields to this message loop there).
    running?.abort(new DOMException('cancelled', 'AbortError'));
    return;
  }
  const ctl = new AbortController();
  running = ctl;
  run(msg, ctl.signal).then(
    (result) => {
      if (ctl.signal.aborted) return scope.postMessage({ type: 'cancelled' });
      const transfer = result instanceof Uint8Array ? [result.buffer as ArrayBuffer] : [];
      scope.postMessage({ type: 'done', result }, transfer);
    },
    (err: unknown) => {
      if (ctl.signal.aborted) return scope.postMessage({ type: 'cancelled' });
      const code =
        err instanceof Error && err.name === 'ExcelImportError' ? (err as { code?: string }).code : undefined;
      scope.postMessage({ type: 'failed', message: err instanceof Error ? err.message : String(err), code });
    },
  );
};
