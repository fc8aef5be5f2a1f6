import * as Y from 'yjs';
import type { RelayDatabase } from './database.ts';

/** Thrown when a stored document cannot be read back; the relay then refuses the connection. */
export class DocumentLoadError extends Error {
  constructor(
    readonly documentName: string,
    cause: unknown,
  ) {
    super(
      `document ${documentName} cannot be loaded: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
    this.name = 'DocumentLoadError';
  }
}

interface Row {
  id: number;
  data: Buffer;
}

/** What a compaction read: fold it off the relay thread, then commit it with commitCompaction. */
export interface CompactionInput {
  name: string;
  state: Uint8Array | undefined;
  version: number;
  tail: Uint8Array[];
  lastId: number;
}

/** Folds a stored state and its tail into one state (a fresh gc:false doc validates every row). */
export function foldUpdates(state: Uint8Array | undefined, tail: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc({ gc: false });
  try {
    if (state) Y.applyUpdate(doc, state);
    for (const update of tail) Y.applyUpdate(doc, update);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * Unit logs in SQLite: every accepted update is appended synchronously (before the client is
 * acknowledged), and compaction folds the tail into one state. Compaction merges what is
 * stored, not what one process holds in memory, so with several relay processes nothing another
 * process wrote can be dropped; the fold itself can run on another thread (compactor.ts).
 */
export class DocumentStore {
  private readonly selectState;
  private readonly selectTail;
  private readonly insertUpdate;
  private readonly upsertState;
  private readonly deleteTail;
  private readonly countTail;
  private readonly selectVersion;

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
    this.deleteTail = db.prepare<[string, number]>('DELETE FROM updates WHERE name = ? AND id <= ?');
    this.countTail = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM updates WHERE name = ?');
  }

  /** Applies everything stored for `name` to `doc`. Throws DocumentLoadError on any unreadable row. */
  loadInto(name: string, doc: Y.Doc): void {
    const { state, tail } = this.read(name);
    try {
      Y.transact(doc, () => {
        if (state) Y.applyUpdate(doc, state);
        for (const row of tail) Y.applyUpdate(doc, row.data);
      });
    } catch (error) {
      throw new DocumentLoadError(name, error);
    }
  }

  /** Whether anything was ever stored under this name. */
  has(name: string): boolean {
    return Boolean(this.selectState.get(name)) || (this.countTail.get(name)?.n ?? 0) > 0;
  }

  append(name: string, update: Uint8Array): void {
    this.insertUpdate.run(name, update, Date.now());
  }

  tailLength(name: string): number {
    return this.countTail.get(name)?.n ?? 0;
  }

  /** Reads what a compaction folds: the state, its version, and the tail (one consistent snapshot). */
  readForCompaction(name: string): CompactionInput {
    return this.db.transaction(() => {
      const row = this.selectState.get(name);
      const tail = this.selectTail.all(name);
      return {
        name,
        state: row?.state,
        version: row?.version ?? 0,
        tail: tail.map((r) => r.data),
        lastId: tail.at(-1)?.id ?? 0,
      };
    })();
  }

  /**
   * Stores a folded state and drops the tail it covers, unless another compaction (another
   * process) replaced the state meanwhile. Rows appended after the read stay in the tail.
   */
  commitCompaction(input: CompactionInput, folded: Uint8Array): boolean {
    return this.db
      .transaction(() => {
        if ((this.selectVersion.get(input.name)?.version ?? 0) !== input.version) return false;
        this.upsertState.run(input.name, folded, Date.now());
        this.deleteTail.run(input.name, input.lastId);
        return true;
      })
      .immediate();
  }

  /** Folds the stored state and tail into one state, here and now. Returns the number of folded updates. */
  compact(name: string): number {
    const input = this.readForCompaction(name);
    if (!input.tail.length) return 0;
    return this.commitCompaction(input, foldUpdates(input.state, input.tail)) ? input.tail.length : 0;
  }

  /** Replaces a document's stored state outright (used by tests and benchmarks to seed data). */
  writeState(name: string, state: Uint8Array): void {
    this.db.transaction(() => {
      this.upsertState.run(name, state, Date.now());
      this.deleteTail.run(name, Number.MAX_SAFE_INTEGER);
    })();
  }

  private read(name: string): { state: Buffer | undefined; tail: Row[] } {
    return { state: this.selectState.get(name)?.state, tail: this.selectTail.all(name) };
  }
}
