import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogFields } from './log.ts';
import { createPool, inTransaction } from './postgres-pool.ts';
import { startTestPostgres, type TestPostgres } from './test-postgres.ts';

let server: TestPostgres;
let url: string;
beforeAll(async () => {
  server = await startTestPostgres();
  url = await server.createDatabase();
});
afterAll(async () => {
  await server?.destroy();
});

const collect = () => {
  const lines: { event: string; fields: LogFields | undefined }[] = [];
  return { lines, log: (event: string, fields?: LogFields) => void lines.push({ event, fields }) };
};

/** Ends one backend from another connection, as a restart or failover of the server does. */
async function terminate(pid: number) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
  } finally {
    await admin.end();
  }
}

// Vitest fails the run on an uncaught exception, which is what an unhandled 'error' event on a pg
// client is (the relay process died of one when PostgreSQL stopped during a write stream).
describe('a pool whose server goes away', () => {
  it('survives a connection ended while a transaction holds it between statements', async () => {
    const { log } = collect();
    const pool = createPool(url, log, 2);
    try {
      const work = inTransaction(pool, async (client) => {
        const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid;
        await terminate(Number(pid));
        // Between statements (as while a compaction folds on its worker): the server's notice arrives now.
        await new Promise((r) => setTimeout(r, 300));
        await client.query('SELECT 1');
      });
      await expect(work).rejects.toThrow();
      expect((await pool.query<{ n: number }>('SELECT 1 AS n')).rows[0]?.n).toBe(1);
    } finally {
      await pool.end();
    }
  });

  it('survives a connection ended during a statement of a transaction', async () => {
    const { log } = collect();
    const pool = createPool(url, log, 2);
    try {
      const work = inTransaction(pool, async (client) => {
        const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid;
        const slow = client.query('SELECT pg_sleep(5)');
        // Rejected while the terminating connection is still being opened: awaited below.
        slow.catch(() => {});
        await new Promise((r) => setTimeout(r, 100));
        await terminate(Number(pid));
        await slow;
      });
      await expect(work).rejects.toThrow();
      // The rollback the failed transaction sends and the socket's end both come after the rejection.
      await new Promise((r) => setTimeout(r, 300));
      expect((await pool.query<{ n: number }>('SELECT 1 AS n')).rows[0]?.n).toBe(1);
    } finally {
      await pool.end();
    }
  });

  it('refuses queries while the server is stopped and serves them again once it is back, logging the loss once', async () => {
    const { lines, log } = collect();
    const pool = createPool(url, log, 4);
    try {
      // Four idle connections in the pool, each of which the shutdown ends.
      const held = await Promise.all([1, 2, 3, 4].map(() => pool.connect()));
      for (const c of held) c.release();
      await server.stop('fast');
      await expect(pool.query('SELECT 1')).rejects.toThrow();
      await server.start();
      expect((await pool.query<{ n: number }>('SELECT 1 AS n')).rows[0]?.n).toBe(1);
      expect(lines.filter((l) => l.event === 'database connection lost')).toHaveLength(1);
    } finally {
      await pool.end();
    }
  });
});
