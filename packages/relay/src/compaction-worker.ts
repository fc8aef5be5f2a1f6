// Worker thread entry: folds a document's stored tail into its state on its own SQLite
// connection, so the relay's thread never stalls on re-encoding a large log.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from './database.ts';
import { DocumentStore } from './document-store.ts';

const { databaseFile } = workerData as { databaseFile: string };
const store = new DocumentStore(openDatabase(databaseFile));

parentPort?.on('message', ({ id, name }: { id: number; name: string }) => {
  try {
    parentPort?.postMessage({ id, folded: store.compact(name) });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
