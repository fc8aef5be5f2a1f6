import { checkUpdateV2 } from './check-update.ts';

/** A stored update that could not be read back; it is set aside, reported, and the rest still loads. */
export interface SkippedRecord {
  doc: string;
  key: string;
  reason: string;
}

export interface LoadedDoc {
  /** Yjs v2 updates, oldest first. */
  updates: Uint8Array[];
  skipped: SkippedRecord[];
  /** Changes whenever the stored updates change; the statistics snapshot records the stamps it reflects. */
  stamp: string;
}

/**
 * Where a log's documents live: IndexedDB in the browser, a file for the CLI, memory in tests.
 * Every adapter passes the one shared suite in storage-suite.ts.
 */
export interface LogStorage {
  readonly kind: string;
  load(doc: string): Promise<LoadedDoc>;
  append(doc: string, update: Uint8Array): Promise<void>;
  /** Replaces every stored update of `doc` with one merged state. */
  compact(doc: string, state: Uint8Array): Promise<void>;
  /** How many updates are stored for `doc` (compaction policy). */
  count(doc: string): Promise<number>;
  /** The stamp `load` would return, without reading the updates. */
  stamp(doc: string): Promise<string>;
  /** Every document's stamp at once, where the store can do that in one read (a cold start asks for all). */
  stamps?(): Promise<Record<string, string>>;
  readSnapshot(): Promise<string | undefined>;
  writeSnapshot(json: string): Promise<void>;
  /** Makes everything appended so far durable. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** Same policy as y-indexeddb: merge the stored updates of a document once there are this many. */
export const COMPACT_AFTER = 500;

/** Splits stored updates into readable ones and damaged ones (reported, never applied). */
export function sortOutUpdates(
  doc: string,
  stored: { key: string; bytes: Uint8Array }[],
): Pick<LoadedDoc, 'updates' | 'skipped'> {
  const updates: Uint8Array[] = [];
  const skipped: SkippedRecord[] = [];
  for (const { key, bytes } of stored) {
    try {
      checkUpdateV2(bytes);
      updates.push(bytes);
    } catch (err) {
      skipped.push({ doc, key, reason: (err as Error).message || 'unreadable' });
    }
  }
  return { updates, skipped };
}
