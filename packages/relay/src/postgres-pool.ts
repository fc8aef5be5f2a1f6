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
 * A connection pool to the relay's PostgreSQL. When the server goes away (a restart, a failover),
 * every connection of the pool emits 'error', also one that a transaction holds (then pg-pool
 * listens to nothing on it) and again when its socket ends; an 'error' nobody listens to ends the
 * process. So each connection gets a listener of its own for its whole life, and the loss is
 * logged once until a new connection succeeds. Queries fail meanwhile (callers refuse or retry)
 * and the pool connects again when asked.
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
  let lost = false;
  const connectionLost = (error: Error) => {
    if (lost) return;
    lost = true;
    log('database connection lost', { error: error.message }, 'warn');
  };
  pool.on('connect', (client) => {
    if (lost) log('database connection restored', {});
    lost = false;
    client.on('error', connectionLost);
  });
  pool.on('error', connectionLost);
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
