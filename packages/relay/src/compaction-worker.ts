// Worker thread entry: folds a document's state and tail into one state, so the relay's thread
// never stalls on re-encoding a large log. The store reads and commits; this only folds.
import { parentPort } from 'node:worker_threads';
import { foldUpdates } from './fold.ts';

parentPort?.on(
  'message',
  ({ id, state, tail }: { id: number; state: Uint8Array | undefined; tail: Uint8Array[] }) => {
    try {
      const folded = foldUpdates(state, tail);
      parentPort?.postMessage({ id, folded }, [folded.buffer as ArrayBuffer]);
    } catch (error) {
      parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
  },
);
