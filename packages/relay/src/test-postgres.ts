// A throw-away PostgreSQL server for tests and benchmarks: Debian's `postgresql` binaries, initdb in
// a temporary folder (as the `postgres` user when running as root: initdb refuses root), a free port
// on 127.0.0.1, stopped and removed afterwards. Started in its own process group, so stopping it
// ends exactly the processes it started.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface TestPostgres {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  /** A new, empty database on this server; its URL. */
  createDatabase(name?: string): Promise<string>;
  /** Stops the server as a fast shutdown (-m fast), keeping its files: start() brings it back. */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  /** Stops it and removes its files. */
  destroy(): Promise<void>;
}

/** Where Debian keeps the server binaries (/usr/lib/postgresql/<major>/bin), newest first. */
export function postgresBinDir(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const majors = readdirSync(base)
    .filter((d) => existsSync(join(base, d, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return majors[0] ? join(base, majors[0], 'bin') : undefined;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

/** The uid/gid to run PostgreSQL as: the `postgres` user when we are root, else ourselves. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

let counter = 0;

export async function startTestPostgres(): Promise<TestPostgres> {
  const bin = postgresBinDir();
  if (!bin)
    throw new Error(
      "PostgreSQL's server is not installed (Debian: apt-get install -y postgresql); .ci/run installs it",
    );
  const dir = mkdtempSync(join(tmpdir(), 'tianbao-pg-'));
  const user = runAs();
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  execFileSync(
    join(bin, 'initdb'),
    ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale', 'C'],
    { stdio: 'pipe', ...(user ?? {}), env: { ...process.env, LC_ALL: 'C' } },
  );
  const port = await freePort();
  let server: ChildProcess | undefined;
  let log = '';

  const start = async () => {
    const child = spawn(
      join(bin, 'postgres'),
      [
        '-D',
        data,
        '-p',
        String(port),
        '-k',
        dir,
        '-c',
        'listen_addresses=127.0.0.1',
        // A test server: durability against power loss is not what these tests are about.
        '-c',
        'fsync=off',
        '-c',
        'full_page_writes=off',
        '-c',
        'max_connections=200',
      ],
      { detached: true, stdio: ['ignore', 'pipe', 'pipe'], ...(user ?? {}) },
    );
    child.stdout?.setEncoding('utf8').on('data', (c: string) => {
      log += c;
    });
    child.stderr?.setEncoding('utf8').on('data', (c: string) => {
      log += c;
    });
    server = child;
    const started = Date.now();
    for (;;) {
      if (child.exitCode !== null) throw new Error(`postgres exited with ${child.exitCode}:\n${log}`);
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
      try {
        await client.connect();
        await client.end();
        return;
      } catch {
        await client.end().catch(() => {});
        if (Date.now() - started > 30_000) throw new Error(`postgres did not start:\n${log}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  };

  const stop = async (mode: 'fast' | 'immediate' = 'fast') => {
    const child = server;
    if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    // The postmaster's signals: SIGINT = fast shutdown, SIGQUIT = immediate (as after a crash).
    process.kill(child.pid, mode === 'fast' ? 'SIGINT' : 'SIGQUIT');
    const timer = setTimeout(() => {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    }, 15_000);
    await exited;
    clearTimeout(timer);
  };

  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  await start();
  return {
    url,
    port,
    async createDatabase(name = `tianbao_test_${process.pid}_${++counter}`) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    stop,
    start,
    async destroy() {
      await stop('fast');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
