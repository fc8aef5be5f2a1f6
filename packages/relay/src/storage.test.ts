import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll } from 'vitest';
import { silentLogger } from './log.ts';
import { openPostgresStorage } from './postgres-storage.ts';
import { openSqliteStorage } from './sqlite-storage.ts';
import { storageSuite } from './storage-suite.ts';
import { startTestPostgres, type TestPostgres } from './test-postgres.ts';

/** Replaces the first `find` in a row's bytes, as a damaged disk would (no checksum updated). */
export const replaceBytes = (data: Uint8Array, find: Uint8Array, replace: Uint8Array): Buffer => {
  const bytes = Buffer.from(data);
  const at = bytes.indexOf(find);
  if (at < 0) throw new Error('bytes to damage not found');
  Buffer.from(replace).copy(bytes, at);
  return bytes;
};

storageSuite('SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tianbao-storage-'));
  const where = { databaseFile: join(dir, 'tianbao.sqlite'), blobDir: join(dir, 'blobs') };
  return {
    open: async () => openSqliteStorage(where),
    async damage(name, source, find, replace) {
      const db = new Database(where.databaseFile);
      try {
        const [table, column, key] =
          source === 'state' ? ['documents', 'state', 'name'] : ['updates', 'data', 'id'];
        const rows = db
          .prepare(`SELECT ${key} AS key, ${column} AS data FROM ${table} WHERE name = ? ORDER BY rowid`)
          .all(name) as { key: string | number; data: Buffer }[];
        const row = rows.find((r) => r.data.indexOf(Buffer.from(find)) >= 0);
        if (!row) throw new Error('bytes to damage not found');
        db.prepare(`UPDATE ${table} SET ${column} = ? WHERE ${key} = ?`).run(
          replaceBytes(row.data, find, replace),
          row.key,
        );
      } finally {
        db.close();
      }
    },
  };
});

let server: TestPostgres | undefined;
afterAll(async () => {
  await server?.destroy();
});

storageSuite('PostgreSQL', () => {
  let url: Promise<string> | undefined;
  const database = () => {
    url ??= startTestPostgres().then((s) => {
      server = s;
      return s.createDatabase();
    });
    return url;
  };
  return {
    open: async () => openPostgresStorage(await database(), silentLogger),
    async damage(name, source, find, replace) {
      const client = new pg.Client({ connectionString: await database() });
      await client.connect();
      try {
        const [table, column, key] =
          source === 'state' ? ['tianbao.documents', 'state', 'name'] : ['tianbao.updates', 'data', 'id'];
        const rows = (
          await client.query<{ key: string | number; data: Buffer }>(
            `SELECT ${key} AS key, ${column} AS data FROM ${table} WHERE name = $1`,
            [name],
          )
        ).rows;
        const row = rows.find((r) => r.data.indexOf(Buffer.from(find)) >= 0);
        if (!row) throw new Error('bytes to damage not found');
        await client.query(`UPDATE ${table} SET ${column} = $1 WHERE ${key} = $2`, [
          replaceBytes(row.data, find, replace),
          row.key,
        ]);
      } finally {
        await client.end();
      }
    },
  };
});
