import pg from 'pg';
import type { Logger } from './log.ts';

/** int8 (bigserial ids, millisecond times, versions) as numbers: they stay far below 2^53 here. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** The URL without its password, for logs and /health. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

/**
 * A connection pool to the relay's PostgreSQL. A pool's idle client whose server went away (a
 * restart, a failover) emits 'error'; unhandled, that would crash the relay, so it is logged and
 * the pool opens new connections when asked.
 */
export function createPool(url: string, log: Logger, max = 10): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
    types,
    application_name: 'tianbao-relay',
  });
  pool.on('error', (error) => log('database connection lost', { error: error.message }, 'warn'));
  return pool;
}

/** Runs `work` in one transaction on one client of the pool. */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
