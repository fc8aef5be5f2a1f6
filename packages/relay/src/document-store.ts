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

/**
 * Unit logs in SQLite: every accepted update is appended synchronously (before the client is
 * acknowledged), and a debounced compaction folds the tail into one state. Compaction merges
 * what is stored, not what one process holds in memory, so with several relay processes
 * nothing another process wrote can be dropped.
 */
export class DocumentStore {
  private readonly selectState;
  private readonly selectTail;
  private readonly insertUpdate;
  private readonly upsertState;
  private readonly deleteTail;
  private readonly countTail;

  constructor(private readonly db: RelayDatabase) {
    this.selectState = db.prepare<[string], { state: Buffer }>('SELECT state FROM documents WHERE name = ?');
    this.selectTail = db.prepare<[string], Row>('SELECT id, data FROM updates WHERE name = ? ORDER BY id');
    this.insertUpdate = db.prepare<[string, Uint8Array, number]>(
      'INSERT INTO updates (name, data, created_at) VALUES (?, ?, ?)',
    );
    this.upsertState = db.prepare<[string, Uint8Array, number]>(
      'INSERT INTO documents (name, state, updated_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at',
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

  /** Folds the stored state and tail into one state. Returns the number of folded updates. */
  compact(name: string): number {
    const run = this.db.transaction(() => {
      const { state, tail } = this.read(name);
      const last = tail.at(-1);
      if (!last) return 0;
      const doc = new Y.Doc({ gc: false });
      try {
        if (state) Y.applyUpdate(doc, state);
        for (const row of tail) Y.applyUpdate(doc, row.data);
        this.upsertState.run(name, Y.encodeStateAsUpdate(doc), Date.now());
        this.deleteTail.run(name, last.id);
      } finally {
        doc.destroy();
      }
      return tail.length;
    });
    return run.immediate();
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
