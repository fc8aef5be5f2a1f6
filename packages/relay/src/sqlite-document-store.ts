import { randomUUID } from 'node:crypto';
import { foldHere } from './fold.ts';
import type { RelayDatabase } from './sqlite-database.ts';
import type { CompactionResult, DocumentStore, Fold, LoadedDocument, QuarantinedRow } from './storage.ts';

interface Row {
  id: number;
  data: Buffer;
}

/** How long a compaction lock is held at most: a process that died holding it frees it after this. */
const lockLeaseMs = 5 * 60_000;

/**
 * Unit logs in SQLite. Appends are synchronous (better-sqlite3), so an update is on disk before
 * the relay acknowledges it. WAL lets several relay processes on one machine share the file;
 * reads that must agree with each other run in one transaction.
 */
export class SqliteDocumentStore implements DocumentStore {
  private readonly selectState;
  private readonly selectTail;
  private readonly insertUpdate;
  private readonly upsertState;
  private readonly deleteUpdate;
  private readonly deleteTail;
  private readonly countTail;
  private readonly selectVersion;
  private readonly takeLock;
  private readonly dropLock;
  /** Who holds a compaction lock: this store instance (one per process and connection). */
  private readonly holder = randomUUID();

  constructor(private readonly db: RelayDatabase) {
    this.selectState = db.prepare<[string], { state: Buffer; version: number }>(
      'SELECT state, version FROM documents WHERE name = ?',
    );
    this.selectVersion = db.prepare<[string], { version: number }>(
      'SELECT version FROM documents WHERE name = ?',
    );
    this.selectTail = db.prepare<[string], Row>('SELECT id, data FROM updates WHERE name = ? ORDER BY id');
    this.insertUpdate = db.prepare<[string, Uint8Array, number]>(
      'INSERT INTO updates (name, data, created_at) VALUES (?, ?, ?)',
    );
    this.upsertState = db.prepare<[string, Uint8Array, number]>(
      'INSERT INTO documents (name, state, updated_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET state = excluded.state, version = version + 1, updated_at = excluded.updated_at',
    );
    this.deleteUpdate = db.prepare<[number]>('DELETE FROM updates WHERE id = ?');
    this.deleteTail = db.prepare<[string]>('DELETE FROM updates WHERE name = ?');
    this.countTail = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM updates WHERE name = ?');
    this.takeLock = db.prepare<[string, string, number, number]>(
      'INSERT INTO compaction_locks (name, holder, expires_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at WHERE compaction_locks.expires_at < ?',
    );
    this.dropLock = db.prepare<[string, string]>(
      'DELETE FROM compaction_locks WHERE name = ? AND holder = ?',
    );
  }

  async load(name: string): Promise<LoadedDocument> {
    const { state, tail } = this.read(name);
    return { updates: [...(state ? [state.state] : []), ...tail.map((r) => r.data)], quarantined: [] };
  }

  async has(name: string): Promise<boolean> {
    return Boolean(this.selectVersion.get(name)) || (this.countTail.get(name)?.n ?? 0) > 0;
  }

  async append(name: string, update: Uint8Array): Promise<void> {
    this.insertUpdate.run(name, update, Date.now());
  }

  async tailLength(name: string): Promise<number> {
    return this.countTail.get(name)?.n ?? 0;
  }

  async compact(name: string, fold: Fold = foldHere): Promise<CompactionResult> {
    const now = Date.now();
    if (this.takeLock.run(name, this.holder, now + lockLeaseMs, now).changes !== 1)
      return { folded: 0, skipped: 'locked', quarantined: [] };
    try {
      const { state, tail } = this.read(name);
      if (!tail.length) return { folded: 0, quarantined: [] };
      const folded = await fold(
        state?.state,
        tail.map((r) => r.data),
      );
      // Commit only over the state that was read, and drop exactly the rows that were folded:
      // rows appended meanwhile (by any process) stay in the tail.
      const committed = this.db
        .transaction(() => {
          if ((this.selectVersion.get(name)?.version ?? 0) !== (state?.version ?? 0)) return false;
          this.upsertState.run(name, folded, Date.now());
          for (const row of tail) this.deleteUpdate.run(row.id);
          return true;
        })
        .immediate();
      return committed
        ? { folded: tail.length, quarantined: [] }
        : { folded: 0, skipped: 'changed', quarantined: [] };
    } finally {
      this.dropLock.run(name, this.holder);
    }
  }

  async writeState(name: string, state: Uint8Array): Promise<void> {
    this.db.transaction(() => {
      this.upsertState.run(name, state, Date.now());
      this.deleteTail.run(name);
    })();
  }

  async names(): Promise<string[]> {
    return this.db
      .prepare<[], { name: string }>(
        'SELECT name FROM documents UNION SELECT name FROM updates ORDER BY name',
      )
      .all()
      .map((r) => r.name);
  }

  async quarantined(): Promise<QuarantinedRow[]> {
    return [];
  }

  /** The state and the tail as one snapshot (a compaction in another process cannot fall between). */
  private read(name: string) {
    return this.db.transaction(() => ({
      state: this.selectState.get(name),
      tail: this.selectTail.all(name),
    }))();
  }
}
