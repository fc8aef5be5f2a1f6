import { randomUUID } from 'node:crypto';
import { checksum, intact } from './checksum.ts';
import { foldHere } from './fold.ts';
import type { RelayDatabase } from './sqlite-database.ts';
import type { CompactionResult, DocumentStore, Fold, LoadedDocument, QuarantinedRow } from './storage.ts';

interface Row {
  id: number;
  data: Buffer;
  checksum: Buffer | null;
}

interface StateRow {
  state: Buffer;
  checksum: Buffer | null;
  version: number;
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
  private readonly quarantineState;
  private readonly quarantineUpdate;
  private readonly deleteState;
  /** Who holds a compaction lock: this store instance (one per process and connection). */
  private readonly holder = randomUUID();

  constructor(private readonly db: RelayDatabase) {
    this.selectState = db.prepare<[string], StateRow>(
      'SELECT state, checksum, version FROM documents WHERE name = ?',
    );
    this.selectVersion = db.prepare<[string], { version: number }>(
      'SELECT version FROM documents WHERE name = ?',
    );
    this.selectTail = db.prepare<[string], Row>(
      'SELECT id, data, checksum FROM updates WHERE name = ? ORDER BY id',
    );
    this.insertUpdate = db.prepare<[string, Uint8Array, Uint8Array, number]>(
      'INSERT INTO updates (name, data, checksum, created_at) VALUES (?, ?, ?, ?)',
    );
    this.upsertState = db.prepare<[string, Uint8Array, Uint8Array, number]>(
      'INSERT INTO documents (name, state, checksum, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET state = excluded.state, checksum = excluded.checksum, version = version + 1, updated_at = excluded.updated_at',
    );
    this.quarantineState = db.prepare<[number, string, number]>(
      "INSERT INTO quarantine (name, source, data, checksum, reason, quarantined_at) SELECT name, 'state', state, checksum, 'checksum-mismatch', ? FROM documents WHERE name = ? AND version = ?",
    );
    this.quarantineUpdate = db.prepare<[number, number]>(
      "INSERT INTO quarantine (name, source, data, checksum, reason, quarantined_at) SELECT name, 'update', data, checksum, 'checksum-mismatch', ? FROM updates WHERE id = ?",
    );
    this.deleteUpdate = db.prepare<[number]>('DELETE FROM updates WHERE id = ?');
    this.deleteState = db.prepare<[string, number]>('DELETE FROM documents WHERE name = ? AND version = ?');
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
    const { state, tail, quarantined } = this.readVerified(name);
    return { updates: [...(state ? [state.state] : []), ...tail.map((r) => r.data)], quarantined };
  }

  async has(name: string): Promise<boolean> {
    return Boolean(this.selectVersion.get(name)) || (this.countTail.get(name)?.n ?? 0) > 0;
  }

  async append(name: string, update: Uint8Array): Promise<void> {
    this.insertUpdate.run(name, update, checksum(update), Date.now());
  }

  async tailLength(name: string): Promise<number> {
    return this.countTail.get(name)?.n ?? 0;
  }

  async compact(name: string, fold: Fold = foldHere): Promise<CompactionResult> {
    const now = Date.now();
    if (this.takeLock.run(name, this.holder, now + lockLeaseMs, now).changes !== 1)
      return { folded: 0, skipped: 'locked', quarantined: [] };
    try {
      const { state, tail, quarantined } = this.readVerified(name);
      if (!tail.length) return { folded: 0, quarantined };
      const folded = await fold(
        state?.state,
        tail.map((r) => r.data),
      );
      // Commit only over the state that was read, and drop exactly the rows that were folded:
      // rows appended meanwhile (by any process) stay in the tail.
      const committed = this.db
        .transaction(() => {
          if ((this.selectVersion.get(name)?.version ?? 0) !== (state?.version ?? 0)) return false;
          this.upsertState.run(name, folded, checksum(folded), Date.now());
          for (const row of tail) this.deleteUpdate.run(row.id);
          return true;
        })
        .immediate();
      return committed
        ? { folded: tail.length, quarantined }
        : { folded: 0, skipped: 'changed', quarantined };
    } finally {
      this.dropLock.run(name, this.holder);
    }
  }

  async writeState(name: string, state: Uint8Array): Promise<void> {
    this.db.transaction(() => {
      this.upsertState.run(name, state, checksum(state), Date.now());
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
    return this.db
      .prepare<[], { name: string; source: 'state' | 'update'; bytes: number; at: number }>(
        'SELECT name, source, length(data) AS bytes, quarantined_at AS at FROM quarantine ORDER BY id',
      )
      .all()
      .map((r) => ({
        document: r.name,
        source: r.source,
        reason: 'checksum-mismatch',
        bytes: r.bytes,
        at: r.at,
      }));
  }

  /**
   * The state and the tail as one snapshot (a compaction in another process cannot fall between),
   * with every row checked against its checksum. A damaged row is moved to the quarantine table in
   * the same transaction and left out: the rest is served, nothing damaged is ever folded into a
   * new state, and what was damaged is kept for a person to look at.
   */
  private readVerified(name: string): {
    state: StateRow | undefined;
    tail: Row[];
    quarantined: QuarantinedRow[];
  } {
    return this.db.transaction(() => {
      const now = Date.now();
      const quarantined: QuarantinedRow[] = [];
      const damaged = (source: 'state' | 'update', bytes: number) =>
        quarantined.push({ document: name, source, reason: 'checksum-mismatch', bytes, at: now });
      let state = this.selectState.get(name);
      if (state && !intact(state.state, state.checksum)) {
        this.quarantineState.run(now, name, state.version);
        this.deleteState.run(name, state.version);
        damaged('state', state.state.byteLength);
        state = undefined;
      }
      const tail: Row[] = [];
      for (const row of this.selectTail.all(name)) {
        if (intact(row.data, row.checksum)) tail.push(row);
        else {
          this.quarantineUpdate.run(now, row.id);
          this.deleteUpdate.run(row.id);
          damaged('update', row.data.byteLength);
        }
      }
      return { state, tail, quarantined };
    })();
  }
}
