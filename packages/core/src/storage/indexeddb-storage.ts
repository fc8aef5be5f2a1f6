import * as Y from 'yjs';
import { checkUpdateV2 } from './check-update.ts';
import type { LoadedDoc, LogStorage, SkippedRecord } from './log-storage.ts';

/**
 * A log in the browser's IndexedDB, one database per log. Follows y-indexeddb's scheme (an append-only
 * `updates` store merged into one record past COMPACT_AFTER, a `custom` store beside it) but loads each
 * record on its own, so a damaged record is set aside instead of failing the whole log, and loads shards
 * lazily, which y-indexeddb's all-at-once loader cannot.
 */
const UPDATES = 'updates';
const CUSTOM = 'custom';
const QUARANTINE = 'quarantine';

const req = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

const done = (tx: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });

export class IndexedDbStorage implements LogStorage {
  readonly kind = 'indexeddb';
  private readonly db: Promise<IDBDatabase>;

  constructor(
    readonly name: string,
    readonly idb: IDBFactory = indexedDB,
  ) {
    const open = idb.open(name, 1);
    open.onupgradeneeded = () => {
      const db = open.result;
      // Key: [doc, time-ordered number, page id]; value: the update bytes.
      db.createObjectStore(UPDATES);
      db.createObjectStore(CUSTOM);
      db.createObjectStore(QUARANTINE, { autoIncrement: true });
    };
    this.db = req(open);
  }

  private range(doc: string) {
    return IDBKeyRange.bound([doc, 0], [doc, Number.MAX_SAFE_INTEGER]);
  }

  async load(doc: string): Promise<LoadedDoc> {
    const db = await this.db;
    const tx = db.transaction([UPDATES, QUARANTINE], 'readwrite');
    const store = tx.objectStore(UPDATES);
    const [keys, values] = await Promise.all([
      req(store.getAllKeys(this.range(doc))),
      req(store.getAll(this.range(doc))),
    ]);
    const updates: Uint8Array[] = [];
    const skipped: SkippedRecord[] = [];
    values.forEach((v, i) => {
      const key = keys[i] as IDBValidKey[];
      try {
        const u = v instanceof Uint8Array ? v : new Uint8Array(v as ArrayBuffer);
        checkUpdateV2(u);
        updates.push(u);
      } catch (err) {
        const reason = (err as Error).message || 'unreadable';
        skipped.push({ doc, key: String(key[1]), reason });
        // Keep the damaged bytes for a person to look at, out of the way of the next load.
        tx.objectStore(QUARANTINE).add({ doc, key, value: v, reason, at: Date.now() });
        store.delete(key);
      }
    });
    await done(tx);
    return { updates, skipped, stamp: stampOf(keys) };
  }

  /**
   * One put in its own transaction, committed at once: a page may be closed right after an edit, and a
   * transaction still waiting for a read before its write would be aborted with it. Keys are unique per
   * page (time, counter, page id) so tabs appending to one database never overwrite each other; Yjs
   * does not need updates in order.
   */
  async append(doc: string, update: Uint8Array): Promise<void> {
    const db = await this.db;
    const tx = db.transaction(UPDATES, 'readwrite');
    tx.objectStore(UPDATES).put(update, this.nextKey(doc));
    tx.commit?.();
    await done(tx);
  }

  private seq = 0;
  private readonly pageId = Math.random().toString(36).slice(2, 10);
  private nextKey(doc: string): [string, number, string] {
    return [doc, Date.now() * 1000 + (this.seq++ % 1000), this.pageId];
  }

  /**
   * Merges what is stored with `state` in one transaction: another tab may have appended a record this
   * tab has not seen yet, and deleting it unmerged would lose that tab's edit.
   */
  async compact(doc: string, state: Uint8Array): Promise<void> {
    const db = await this.db;
    const tx = db.transaction(UPDATES, 'readwrite');
    const store = tx.objectStore(UPDATES);
    const [keys, values] = await Promise.all([
      req(store.getAllKeys(this.range(doc))),
      req(store.getAll(this.range(doc))),
    ]);
    const readable = values.filter((v): v is Uint8Array => {
      try {
        checkUpdateV2(v as Uint8Array);
        return true;
      } catch {
        return false;
      }
    });
    const merged = Y.mergeUpdatesV2([...readable, state]);
    for (const k of keys) store.delete(k);
    store.put(merged, this.nextKey(doc));
    tx.commit?.();
    await done(tx);
  }

  async count(doc: string): Promise<number> {
    const db = await this.db;
    return req(db.transaction(UPDATES).objectStore(UPDATES).count(this.range(doc)));
  }

  async stamp(doc: string): Promise<string> {
    const db = await this.db;
    const keys = await req(db.transaction(UPDATES).objectStore(UPDATES).getAllKeys(this.range(doc)));
    return stampOf(keys);
  }

  async stamps(): Promise<Record<string, string>> {
    const db = await this.db;
    const keys = (await req(db.transaction(UPDATES).objectStore(UPDATES).getAllKeys())) as IDBValidKey[][];
    const byDoc = new Map<string, IDBValidKey[]>();
    for (const k of keys) byDoc.set(k[0] as string, [...(byDoc.get(k[0] as string) ?? []), k]);
    return Object.fromEntries([...byDoc].map(([doc, ks]) => [doc, stampOf(ks)]));
  }

  async readSnapshot(): Promise<string | undefined> {
    const db = await this.db;
    const v = await req(db.transaction(CUSTOM).objectStore(CUSTOM).get('snapshot'));
    return typeof v === 'string' ? v : undefined;
  }

  async writeSnapshot(json: string): Promise<void> {
    const db = await this.db;
    const tx = db.transaction(CUSTOM, 'readwrite');
    tx.objectStore(CUSTOM).put(json, 'snapshot');
    await done(tx);
  }

  async quarantined(): Promise<{ doc: string; reason: string; at: number }[]> {
    const db = await this.db;
    return req(db.transaction(QUARANTINE).objectStore(QUARANTINE).getAll());
  }

  async flush(): Promise<void> {}

  async close(): Promise<void> {
    (await this.db).close();
  }
}

/** Records are never rewritten in place: the count and the newest key identify the stored set. */
function stampOf(keys: IDBValidKey[]): string {
  const newest = (keys as [string, number, string?][]).reduce<[string, number, string?] | undefined>(
    (a, k) => (!a || k[1] > a[1] ? k : a),
    undefined,
  );
  return `${keys.length}:${newest ? `${newest[1]}${newest[2] ?? ''}` : '-'}`;
}
