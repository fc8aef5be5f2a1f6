import * as Y from 'yjs';
import { StatsIndex } from '../stats/stats-index.ts';
import { decodeContainer } from '../storage/log-container.ts';
import { COMPACT_AFTER, type LogStorage, type SkippedRecord } from '../storage/log-storage.ts';
import { type ChangeOrigin, newDoc, originKind, ROOT, shardName } from './doc-layout.ts';
import { type CreateLogOptions, UnitLog } from './unit-log.ts';
import { readUpdateFileMeta } from './update-file.ts';

const FROM_STORAGE: ChangeOrigin = { kind: 'storage' };

export interface OpenOptions {
  user: string;
  /**
   * Load entry shards only when asked (statistics and lists come from the stored snapshot meanwhile).
   * Shards whose stored updates changed since the snapshot are always loaded, to correct it.
   */
  lazy?: boolean;
  /** Delay before the statistics snapshot is rewritten after a change. */
  snapshotDelayMs?: number;
}

/**
 * A log bound to its storage: loads it, writes every change as it happens, merges stored updates past
 * COMPACT_AFTER, and keeps the statistics snapshot that lets a cold start show numbers at once.
 */
export class LogSession {
  readonly skipped: SkippedRecord[] = [];
  private pending: Promise<unknown> = Promise.resolve();
  private snapshotTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly shardListeners = new Set<(name: string, doc: Y.Doc) => void>();
  private closed = false;

  private constructor(
    readonly log: UnitLog,
    readonly storage: LogStorage,
    private readonly opts: OpenOptions,
  ) {}

  static async create(storage: LogStorage, opts: CreateLogOptions, open: Partial<OpenOptions> = {}) {
    const log = UnitLog.create(opts);
    const s = new LogSession(log, storage, { user: opts.user, ...open });
    for (const name of log.docNames()) {
      const doc = log.doc(name);
      if (!doc) continue;
      await storage.compact(name, Y.encodeStateAsUpdateV2(doc));
      s.persist(name, doc);
    }
    await s.writeSnapshot();
    await storage.flush();
    return s;
  }

  /** A new local copy of a log from an update file (joining a unit without a server). */
  static async createFromFile(
    storage: LogStorage,
    bytes: Uint8Array,
    opts: OpenOptions,
  ): Promise<LogSession> {
    readUpdateFileMeta(bytes);
    const c = decodeContainer(bytes);
    for (const [name, d] of c.docs) {
      if (name !== ROOT && !/^e\d+$/.test(name)) continue;
      const doc = newDoc();
      for (const u of d.updates) Y.applyUpdateV2(doc, u);
      await storage.compact(name, Y.encodeStateAsUpdateV2(doc));
    }
    await storage.flush();
    return LogSession.open(storage, opts);
  }

  static async open(storage: LogStorage, opts: OpenOptions): Promise<LogSession> {
    const root = newDoc();
    const loaded = await storage.load(ROOT);
    const skipped = [...loaded.skipped];
    applyAll(root, loaded.updates);
    const log = UnitLog.fromRoot(root, opts.user);
    const s = new LogSession(log, storage, opts);
    for (const k of skipped) s.skipped.push(k);
    s.persist(ROOT, root);

    const snap = await storage.readSnapshot();
    const restored = snap ? StatsIndex.fromSnapshot(snap) : undefined;
    const stale: number[] = [];
    if (restored) {
      log.adoptIndex(restored.index);
      const stored = storage.stamps ? await storage.stamps() : undefined;
      for (let i = 0; i < log.shardCount; i++) {
        const now = stored ? (stored[shardName(i)] ?? '0:-') : await storage.stamp(shardName(i));
        if (restored.stamps[shardName(i)] !== now) stale.push(i);
      }
    }
    const now = !restored || !opts.lazy ? [...Array(log.shardCount).keys()] : stale;
    for (const i of now) await s.loadShard(i);
    if (stale.length) s.scheduleSnapshot();
    return s;
  }

  async loadShard(i: number): Promise<void> {
    if (this.log.isShardLoaded(i)) return;
    const name = shardName(i);
    const loaded = await this.storage.load(name);
    for (const k of loaded.skipped) this.skipped.push(k);
    const doc = newDoc();
    applyAll(doc, loaded.updates);
    if (this.log.isShardLoaded(i)) return; // loaded meanwhile by a concurrent call
    this.log.attachShard(i, doc);
    this.persist(name, doc);
    for (const l of this.shardListeners) l(name, doc);
  }

  /** Called with each shard as it loads (sync adapters start syncing it then). */
  onShardLoaded(listener: (name: string, doc: Y.Doc) => void): () => void {
    this.shardListeners.add(listener);
    return () => this.shardListeners.delete(listener);
  }

  async loadAll(): Promise<void> {
    for (let i = 0; i < this.log.shardCount; i++) await this.loadShard(i);
  }

  /** Loads the shard an entry lives in, so it can be read or edited. */
  loadShardOf(entryId: string): Promise<void> {
    return this.loadShard(this.log.shardIndexOf(entryId));
  }

  /**
   * Every change is handed to storage in the same task it happens in (a page may close right after),
   * including changes from other tabs: if the tab that made an edit dies before its write lands, a
   * page that received it still stores it. Duplicates are harmless; compaction merges them.
   */
  private persist(name: string, doc: Y.Doc): void {
    let count = -1;
    doc.on('updateV2', (update: Uint8Array, origin: unknown) => {
      if (this.closed || originKind(origin) === 'storage') return;
      this.track(this.storage.append(name, update));
      this.enqueue(async () => {
        count = count < 0 ? await this.storage.count(name) : count + 1;
        if (count >= COMPACT_AFTER) {
          await this.storage.compact(name, Y.encodeStateAsUpdateV2(doc));
          count = 1;
        }
      });
      this.scheduleSnapshot();
    });
  }

  private readonly writes = new Set<Promise<unknown>>();
  private track(write: Promise<unknown>): void {
    const p = write.catch((err) => console.error('tianbao: could not store a change', err));
    this.writes.add(p);
    void p.finally(() => this.writes.delete(p));
  }

  private enqueue(task: () => Promise<void>): void {
    this.pending = this.pending.then(task).catch((err) => {
      console.error('tianbao: could not store a change', err);
    });
  }

  private scheduleSnapshot(): void {
    if (this.snapshotTimer) return;
    this.snapshotTimer = setTimeout(() => {
      this.snapshotTimer = undefined;
      this.enqueue(() => this.writeSnapshot());
    }, this.opts.snapshotDelayMs ?? 2000);
  }

  private async writeSnapshot(): Promise<void> {
    const stored = this.storage.stamps ? await this.storage.stamps() : undefined;
    const stamps: Record<string, string> = {};
    for (const name of this.log.docNames())
      stamps[name] = stored ? (stored[name] ?? '0:-') : await this.storage.stamp(name);
    await this.storage.writeSnapshot(this.log.index.toSnapshot(stamps));
  }

  /** Everything changed so far is stored, with a fresh snapshot. */
  async flush(): Promise<void> {
    if (this.snapshotTimer) {
      clearTimeout(this.snapshotTimer);
      this.snapshotTimer = undefined;
    }
    await Promise.all(this.writes);
    this.enqueue(() => this.writeSnapshot());
    await this.pending;
    await this.storage.flush();
  }

  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
    await this.storage.close();
  }
}

/** Applies stored updates one by one: one that fails to apply is skipped, the others still load. */
function applyAll(doc: Y.Doc, updates: Uint8Array[]): void {
  doc.transact(() => {
    for (const u of updates) {
      try {
        Y.applyUpdateV2(doc, u, FROM_STORAGE);
      } catch (err) {
        console.error('tianbao: skipped a stored update that does not apply', err);
      }
    }
  }, FROM_STORAGE);
}
