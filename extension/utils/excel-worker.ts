// The dashboard's 导出Excel runs here, off the page's thread: a 10k-entry ledger takes seconds to write.
import { exportXlsx } from '@tianbao/excel';
import type { FromExcelWorker, ToExcelWorker } from './excel-worker-protocol';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ToExcelWorker>) => void) | null;
  postMessage(message: FromExcelWorker, transfer?: Transferable[]): void;
};
let running: AbortController | null = null;

scope.onmessage = (e) => {
  const msg = e.data;
  if (msg.type === 'cancel') {
    // The writer checks the signal between batches of rows (it yields to this message loop there).
    running?.abort(new DOMException('cancelled', 'AbortError'));
    return;
  }
  const ctl = new AbortController();
  running = ctl;
  exportXlsx(msg.input, {
    signal: ctl.signal,
    onProgress: (progress) => scope.postMessage({ type: 'progress', progress }),
  }).then(
    (bytes) => {
      if (ctl.signal.aborted) scope.postMessage({ type: 'cancelled' });
      else scope.postMessage({ type: 'done', bytes }, [bytes.buffer as ArrayBuffer]);
    },
    (err: unknown) => {
      if (ctl.signal.aborted) scope.postMessage({ type: 'cancelled' });
      else scope.postMessage({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
    },
  );
};
