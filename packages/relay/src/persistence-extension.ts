import type {
  afterLoadDocumentPayload,
  Extension,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
} from '@hocuspocus/server';
import type { Compactor } from './compactor.ts';
import { DocumentLoadError, type DocumentStore } from './document-store.ts';
import type { Logger } from './log.ts';
import { Refusal } from './refusal.ts';

/**
 * SQLite persistence shaped like Hocuspocus' Database extension (fetch on load, store when
 * debounced), but every update is appended synchronously from the document's update event,
 * which fires before Hocuspocus acknowledges the client: an acknowledged edit survives SIGKILL.
 * The debounced onStoreDocument only compacts, and only when worth it.
 */
export function createPersistenceExtension(
  store: DocumentStore,
  compactor: Compactor,
  log: Logger,
  compactAfterUpdates = 2000,
): Extension {
  /** SQLite calls block the relay's one thread: say so when one takes long (disk, checkpoint). */
  const timed = <T>(what: string, document: string, run: () => T): T => {
    const started = performance.now();
    try {
      return run();
    } finally {
      const ms = performance.now() - started;
      if (ms > 50) log('slow storage', { operation: what, document, ms: Math.round(ms) }, 'warn');
    }
  };
  return {
    extensionName: 'tianbao-sqlite',
    async onLoadDocument({ document, documentName }: onLoadDocumentPayload) {
      try {
        store.loadInto(documentName, document);
      } catch (error) {
        log(
          'load error',
          {
            document: documentName,
            error: error instanceof DocumentLoadError ? error.message : String(error),
          },
          'error',
        );
        // Refuse rather than serve an empty document that clients would then sync over the real one.
        throw new Refusal('document-load-failed', 4500);
      }
    },
    async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload) {
      document.on('update', (update: Uint8Array) => {
        try {
          timed('append', documentName, () => store.append(documentName, update));
        } catch (error) {
          log('store error', { document: documentName, error: String(error) }, 'error');
          // Thrown inside the update event: Hocuspocus then resets the connection without an ack,
          // so the client keeps the edit and sends it again.
          throw error;
        }
      });
    },
    async onStoreDocument({ documentName, document }: onStoreDocumentPayload) {
      // Compaction re-encodes the whole document (about 0.3 s for 10,000 entries, on a worker
      // thread), so only when the tail is long or the last client has left.
      if (document.getConnectionsCount() > 0 && store.tailLength(documentName) < compactAfterUpdates) return;
      try {
        const started = performance.now();
        const folded = await compactor.compact(documentName);
        log('compacted', {
          document: documentName,
          updates: folded,
          ms: Math.round(performance.now() - started),
        });
      } catch (error) {
        // The tail stays as it is; nothing is lost by a failed compaction.
        log('compaction error', { document: documentName, error: String(error) }, 'error');
      }
    },
  };
}
