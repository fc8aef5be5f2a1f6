import type {
  beforeHandleMessagePayload,
  beforeUnloadDocumentPayload,
  Extension,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
} from '@hocuspocus/server';
import * as Y from 'yjs';
import type { Compactor } from './compactor.ts';
import { DocumentLoadError } from './document-load-error.ts';
import type { ErrorGate } from './error-gate.ts';
import type { Logger } from './log.ts';
import { Refusal } from './refusal.ts';
import type { DocumentStore } from './storage.ts';
import { checkFrame } from './update-check.ts';

/** Closes a client's socket so that its provider reconnects later (the store is unavailable). */
export type RetryLater = (socketId: string, reason: string) => void;

/** Updates that change nothing (no structs, no deletions): not worth a row. */
const isEmptyUpdate = (update: Uint8Array) => {
  const { structs, ds } = Y.decodeUpdate(update);
  return structs.length === 0 && ds.clients.size === 0;
};

/**
 * Persistence shaped like Hocuspocus' Database extension (fetch on load, store when debounced),
 * except that every update a client sends is appended to the store before Hocuspocus applies it
 * and acknowledges the client (beforeHandleMessage): an acknowledged edit survives SIGKILL, with
 * a synchronous store (SQLite) and an asynchronous one (PostgreSQL) alike. When the store cannot
 * take it, nothing is applied and the client's socket is closed: its provider keeps the edit and
 * sends it again after reconnecting. The debounced onStoreDocument only compacts, when worth it.
 */
export function createPersistenceExtension(
  store: DocumentStore,
  compactor: Compactor,
  log: Logger,
  retryLater: RetryLater,
  errors: ErrorGate,
  compactAfterUpdates = 2000,
): Extension {
  /** Say so when one storage call takes long (disk, checkpoint, a busy database). */
  const timed = async <T>(what: string, document: string, run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await run();
    } finally {
      const ms = performance.now() - started;
      if (ms > 50) log('slow storage', { operation: what, document, ms: Math.round(ms) }, 'warn');
    }
  };
  /** Folds the stored tail into the state; a failure leaves the tail as it is (nothing is lost). */
  const compact = async (documentName: string) => {
    try {
      const started = performance.now();
      const result = await compactor.compact(documentName);
      for (const row of result.quarantined)
        log(
          'update quarantined',
          { document: documentName, source: row.source, reason: row.reason, bytes: row.bytes },
          'error',
        );
      if (result.skipped) log('compaction skipped', { document: documentName, reason: result.skipped });
      else
        log('compacted', {
          document: documentName,
          updates: result.folded,
          ms: Math.round(performance.now() - started),
        });
    } catch (error) {
      errors.failed('compaction error', { document: documentName, error: String(error) });
    }
  };
  return {
    extensionName: 'tianbao-persistence',
    async onLoadDocument({ document, documentName, socketId }: onLoadDocumentPayload) {
      let loaded: Awaited<ReturnType<DocumentStore['load']>>;
      try {
        loaded = await timed('load', documentName, () => store.load(documentName));
        errors.succeeded();
      } catch (error) {
        errors.failed('load error', { document: documentName, error: String(error) });
        retryLater(socketId, 'storage-unavailable');
        throw new Refusal('storage-unavailable', 4503);
      }
      for (const row of loaded.quarantined)
        log(
          'update quarantined',
          { document: documentName, source: row.source, reason: row.reason, bytes: row.bytes },
          'error',
        );
      try {
        Y.transact(document, () => {
          for (const update of loaded.updates) Y.applyUpdate(document, update);
        });
      } catch (error) {
        log(
          'load error',
          { document: documentName, error: new DocumentLoadError(documentName, error).message },
          'error',
        );
        // Refuse rather than serve an empty document that clients would then sync over the real one.
        throw new Refusal('document-load-failed', 4500);
      }
    },
    async beforeHandleMessage({
      update: frame,
      connection,
      document,
      documentName,
      socketId,
    }: beforeHandleMessagePayload) {
      // Hocuspocus applies nothing from a read-only connection.
      if (connection.readOnly) return;
      const check = checkFrame(frame);
      if (!check.ok || !check.update) return;
      // Only what this process does not hold yet: everything it holds is stored already.
      const update = Y.diffUpdate(check.update, Y.encodeStateVector(document));
      if (isEmptyUpdate(update)) return;
      try {
        await timed('append', documentName, () => store.append(documentName, update));
        errors.succeeded();
      } catch (error) {
        errors.failed('store error', { document: documentName, socket: socketId, error: String(error) });
        retryLater(socketId, 'storage-unavailable');
        throw new Refusal('storage-unavailable', 4503);
      }
    },
    async onStoreDocument({ documentName, document }: onStoreDocumentPayload) {
      // Compaction re-encodes the whole document (about 0.3 s for 10,000 entries, on a worker
      // thread), so only when the tail is long or the last client has left.
      try {
        if (
          document.getConnectionsCount() > 0 &&
          (await store.tailLength(documentName)) < compactAfterUpdates
        )
          return;
      } catch (error) {
        return errors.failed('compaction error', { document: documentName, error: String(error) });
      }
      await compact(documentName);
    },
    // Hocuspocus stores when the last client leaves only if a debounced store is still pending. A client that
    // stayed connected past the debounce after its last edit (on a busy machine, or a person who leaves the page
    // open) left with its tail never compacted. The document is leaving memory: fold what is left now.
    async beforeUnloadDocument({ document, documentName }: beforeUnloadDocumentPayload) {
      // Never loaded (refused): its stored rows are left exactly as they are.
      if (document.isLoading) return;
      try {
        if ((await store.tailLength(documentName)) === 0) return;
      } catch (error) {
        return errors.failed('compaction error', { document: documentName, error: String(error) });
      }
      await compact(documentName);
    },
  };
}
