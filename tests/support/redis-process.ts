// A throw-away redis-server for relay tests and benchmarks: a free port on 127.0.0.1, nothing saved
// to disk, in its own process group (stopping it ends exactly what it started).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';

export interface RedisProcess {
  /** redis://127.0.0.1:<port> */
  url: string;
  port: number;
  stop(): Promise<void>;
  /** Ends the server at once (SIGKILL), as a crash or a lost machine does; start() brings it back on the same port. */
  kill(): Promise<void>;
  start(): Promise<void>;
}

/** Why redis-server cannot be used here, or undefined when it can. */
export function redisMissing(): string | undefined {
  const r = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? undefined : 'redis-server is not installed (apt-get install -y redis-server)';
}

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

export async function startRedis(): Promise<RedisProcess> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const running = (c: ChildProcess | undefined): c is ChildProcess =>
    Boolean(c?.pid) && c?.exitCode === null && c?.signalCode === null;
  const end = async (signal: NodeJS.Signals) => {
    const c = child;
    if (!running(c) || !c.pid) return;
    const exited = new Promise<void>((r) => c.once('exit', () => r()));
    process.kill(-c.pid, signal);
    await exited;
  };
  const start = async () => {
    const c = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
    );
    child = c;
    let out = '';
    c.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
    });
    const started = Date.now();
    while (!out.includes('Ready to accept connections')) {
      if (c.exitCode !== null) throw new Error(`redis-server exited with ${c.exitCode}:\n${out}`);
      if (Date.now() - started > 10_000) {
        // Not left running on its port when the caller gives up on it.
        if (c.pid) process.kill(-c.pid, 'SIGKILL');
        throw new Error(`redis-server did not start:\n${out}`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
  };
}
