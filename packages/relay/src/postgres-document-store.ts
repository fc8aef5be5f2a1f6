import type pg from 'pg';
import { checksum, intact } from './checksum.ts';
import { foldHere } from './fold.ts';
import { inTransaction } from './postgres-pool.ts';
import type { CompactionResult, DocumentStore, Fold, LoadedDocument, QuarantinedRow } from './storage.ts';

interface StoredRow {
  /** 0: the compacted state (id = its version), 1: an update of the tail (id = its row id). */
  kind: number;
  id: number;
  data: Buffer;
  checksum: Buffer | null;
}

/**
 * The state and the tail in one statement, so one snapshot: a compaction committing in another
 * process cannot fall between reading the state and reading the tail.
 */
const readRows = `
  SELECT 0 AS kind, version AS id, state AS data, checksum FROM tianbao.documents WHERE name = $1
  UNION ALL
  SELECT 1 AS kind, id, data, checksum FROM tianbao.updates WHERE name = $1
  ORDER BY kind, id`;

/** Moves damaged rows aside; DELETE … RETURNING, so two processes never quarantine one row twice. */
const quarantineUpdates = `
  WITH moved AS (DELETE FROM tianbao.updates WHERE id = ANY($1::bigint[]) RETURNING name, data, checksum)
  INSERT INTO tianbao.quarantine (name, source, data, checksum, reason, quarantined_at)
  SELECT name, 'update', data, checksum, 'checksum-mismatch', $2 FROM moved`;
const quarantineState = `
  WITH moved AS (DELETE FROM tianbao.documents WHERE name = $1 AND version = $2 RETURNING name, state, checksum)
  INSERT INTO tianbao.quarantine (name, source, data, checksum, reason, quarantined_at)
  SELECT name, 'state', state, checksum, 'checksum-mismatch', $3 FROM moved`;

const upsertState = `
  INSERT INTO tianbao.documents (name, state, checksum, updated_at) VALUES ($1, $2, $3, $4)
  ON CONFLICT (name) DO UPDATE SET state = excluded.state, checksum = excluded.checksum,
    version = tianbao.documents.version + 1, updated_at = excluded.updated_at`;

type Queryable = Pick<pg.ClientBase, 'query'>;

/**
 * Unit logs in PostgreSQL, shared by every relay process. `append` resolves once the INSERT has
 * committed, so the relay acknowledges nothing the database does not hold. Compaction holds a
 * transaction-scoped advisory lock on the document (pg_try_advisory_xact_lock), released by the
 * database when the transaction ends or its connection dies, so no two processes fold one
 * document at once and a crashed one never leaves the lock behind.
 */
export class PostgresDocumentStore implements DocumentStore {
  constructor(private readonly pool: pg.Pool) {}

  async load(name: string): Promise<LoadedDocument> {
    const { state, tail, quarantined } = await this.readVerified(this.pool, name);
    return { updates: [...(state ? [state.data] : []), ...tail.map((r) => r.data)], quarantined };
  }

  async append(name: string, update: Uint8Array): Promise<void> {
    await this.pool.query(
      'INSERT INTO tianbao.updates (name, data, checksum, created_at) VALUES ($1, $2, $3, $4)',
      [name, Buffer.from(update.buffer, update.byteOffset, update.byteLength), checksum(update), Date.now()],
    );
  }

  async has(name: string): Promise<boolean> {
    const r = await this.pool.query<{ found: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM tianbao.documents WHERE name = $1)
           OR EXISTS (SELECT 1 FROM tianbao.updates WHERE name = $1) AS found`,
      [name],
    );
    return Boolean(r.rows[0]?.found);
  }

  async tailLength(name: string): Promise<number> {
    const r = await this.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM tianbao.updates WHERE name = $1',
      [name],
    );
    return r.rows[0]?.n ?? 0;
  }

  async compact(name: string, fold: Fold = foldHere): Promise<CompactionResult> {
    return inTransaction(this.pool, async (client) => {
      const lock = await client.query<{ locked: boolean }>(
        "SELECT pg_try_advisory_xact_lock(hashtextextended('tianbao:compact:' || $1, 0)) AS locked",
        [name],
      );
      if (!lock.rows[0]?.locked) return { folded: 0, skipped: 'locked', quarantined: [] };
      const { state, tail, quarantined } = await this.readVerified(client, name);
      if (!tail.length) return { folded: 0, quarantined };
      const folded = await fold(
        state?.data,
        tail.map((r) => r.data),
      );
      // Commit only over the state that was read, and drop exactly the rows that were folded:
      // rows appended meanwhile (by any process, in any commit order) stay in the tail.
      const now = await client.query<{ version: number }>(
        'SELECT version FROM tianbao.documents WHERE name = $1 FOR UPDATE',
        [name],
      );
      if ((now.rows[0]?.version ?? 0) !== (state?.id ?? 0))
        return { folded: 0, skipped: 'changed', quarantined };
      await client.query(upsertState, [name, Buffer.from(folded), checksum(folded), Date.now()]);
      await client.query('DELETE FROM tianbao.updates WHERE id = ANY($1::bigint[])', [tail.map((r) => r.id)]);
      return { folded: tail.length, quarantined };
    });
  }

  async writeState(name: string, state: Uint8Array): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query(upsertState, [name, Buffer.from(state), checksum(state), Date.now()]);
      await client.query('DELETE FROM tianbao.updates WHERE name = $1', [name]);
    });
  }

  async names(): Promise<string[]> {
    const r = await this.pool.query<{ name: string }>(
      'SELECT name FROM tianbao.documents UNION SELECT name FROM tianbao.updates ORDER BY name',
    );
    return r.rows.map((row) => row.name);
  }

  async quarantined(): Promise<QuarantinedRow[]> {
    const r = await this.pool.query<{ name: string; source: 'state' | 'update'; bytes: number; at: number }>(
      'SELECT name, source, length(data) AS bytes, quarantined_at AS at FROM tianbao.quarantine ORDER BY id',
    );
    return r.rows.map((row) => ({
      document: row.name,
      source: row.source,
      reason: 'checksum-mismatch',
      bytes: row.bytes,
      at: row.at,
    }));
  }

  /** Reads and checks every row; damaged ones are moved to quarantine and left out. */
  private async readVerified(db: Queryable, name: string) {
    const rows = (await db.query<StoredRow>(readRows, [name])).rows;
    const at = Date.now();
    const quarantined: QuarantinedRow[] = [];
    let state = rows.find((r) => r.kind === 0);
    if (state && !intact(state.data, state.checksum)) {
      await db.query(quarantineState, [name, state.id, at]);
      quarantined.push({
        document: name,
        source: 'state',
        reason: 'checksum-mismatch',
        bytes: state.data.byteLength,
        at,
      });
      state = undefined;
    }
    const tail: StoredRow[] = [];
    const damaged: number[] = [];
    for (const row of rows) {
      if (row.kind !== 1) continue;
      if (intact(row.data, row.checksum)) tail.push(row);
      else {
        damaged.push(row.id);
        quarantined.push({
          document: name,
          source: 'update',
          reason: 'checksum-mismatch',
          bytes: row.data.byteLength,
          at,
        });
      }
    }
    if (damaged.length) await db.query(quarantineUpdates, [damaged, at]);
    return { state, tail, quarantined };
  }
}
