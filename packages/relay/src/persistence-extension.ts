import type {
  afterLoadDocumentPayload,
  Extension,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
} from '@hocuspocus/server';
import { DocumentLoadError, type DocumentStore } from './document-store.ts';
import type { Logger } from './log.ts';
import { Refusal } from './refusal.ts';

/**
 * SQLite persistence shaped like Hocuspocus' Database extension (fetch on load, store when
 * debounced), but every update is appended synchronously from the document's update event,
 * which fires before Hocuspocus acknowledges the client: an acknowledged edit survives SIGKILL.
 * The debounced onStoreDocument only compacts.
 */
export function createPersistenceExtension(store: DocumentStore, log: Logger): Extension {
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
          store.append(documentName, update);
        } catch (error) {
          log('store error', { document: documentName, error: String(error) }, 'error');
          // Thrown inside the update event: Hocuspocus then resets the connection without an ack,
          // so the client keeps the edit and sends it again.
          throw error;
        }
      });
    },
    async onStoreDocument({ documentName }: onStoreDocumentPayload) {
      try {
        store.compact(documentName);
      } catch (error) {
        // The tail stays as it is; nothing is lost by a failed compaction.
        log('compaction error', { document: documentName, error: String(error) }, 'error');
      }
    },
  };
}
