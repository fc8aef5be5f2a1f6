import type { Logger } from './log.ts';
import { PostgresAccessStore } from './postgres-access-store.ts';
import { PostgresBlobStore } from './postgres-blob-store.ts';
import { PostgresDocumentStore } from './postgres-document-store.ts';
import { createPool, redactUrl } from './postgres-pool.ts';
import { migrate } from './postgres-schema.ts';
import type { RelayStorage } from './storage.ts';

/**
 * Everything in PostgreSQL (documents, the update log, units, tokens, invitations, attachments):
 * any number of relay processes on any number of machines share it. Migrates the schema at start.
 */
export async function openPostgresStorage(url: string, log: Logger): Promise<RelayStorage> {
  const pool = createPool(url, log);
  try {
    const client = await pool.connect();
    try {
      const { from, to } = await migrate(client);
      if (from !== to) log('database migrated', { from, to, database: redactUrl(url) });
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    throw new Error(
      `cannot use the PostgreSQL database at ${redactUrl(url)}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const blobs = new PostgresBlobStore(pool);
  blobs.sweepAbandoned().catch((error: unknown) => log('blob sweep error', { error: String(error) }, 'warn'));
  return {
    kind: 'postgres',
    where: redactUrl(url),
    documents: new PostgresDocumentStore(pool),
    access: new PostgresAccessStore(pool),
    blobs,
    async check() {
      const started = performance.now();
      try {
        await pool.query('SELECT 1');
        return { ok: true, ms: performance.now() - started };
      } catch (error) {
        return {
          ok: false,
          ms: performance.now() - started,
          error: error instanceof Error ? error.message : String(error),
        };
      }
    },
    async close() {
      await pool.end();
    },
  };
}
