// A relay as a real child process (node --import tsx packages/relay/src/main.ts) on 127.0.0.1, for end-to-end
// tests and benchmarks: waits for its "listening" log line, can be SIGKILLed and restarted on
// the same data directory and port. Each runs in its own process group (tsx's esbuild service is a
// child of it), and kill/stop signal the whole group.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const main = join(root, 'packages/relay/src/main.ts');

export interface LogLine {
  event: string;
  level: string;
  [field: string]: unknown;
}

export interface RelayProcessOptions {
  dataDir?: string;
  port?: number;
  redisUrl?: string;
  /** postgres://…: the relay keeps everything there instead of the data directory. */
  postgresUrl?: string;
  args?: string[];
  /** Flags for node itself, e.g. --cpu-prof to profile the relay. */
  nodeArgs?: string[];
}

export interface RelayProcess {
  url: string;
  httpUrl: string;
  port: number;
  dataDir: string;
  /** Every JSON log line the process printed, across restarts. */
  logs: LogLine[];
  /** Raw stdout + stderr, to check that nothing secret is printed anywhere. */
  output: () => string;
  child: ChildProcess;
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same data directory and port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
  waitForLog(match: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
}

/** Signals the relay's whole process group; a group already gone is fine. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // ESRCH: nothing left in the group.
  }
}

export const tempDir = (prefix = 'tianbao-relay-') => mkdtempSync(join(tmpdir(), prefix));

export async function startRelayProcess(options: RelayProcessOptions = {}): Promise<RelayProcess> {
  const dataDir = options.dataDir ?? tempDir();
  const logs: LogLine[] = [];
  let raw = '';
  let port = options.port ?? 0;
  const waiters = new Set<{ match: (l: LogLine) => boolean; resolve: (l: LogLine) => void }>();

  const launch = async (): Promise<ChildProcess> => {
    // node --import tsx rather than the tsx binary: one process, so SIGKILL really kills the relay.
    const args = [
      ...(options.nodeArgs ?? []),
      '--import',
      'tsx',
      main,
      '--port',
      String(port),
      '--data',
      dataDir,
      ...(options.args ?? []),
    ];
    if (options.redisUrl) args.push('--redis', options.redisUrl);
    if (options.postgresUrl) args.push('--postgres', options.postgresUrl);
    const child = spawn(process.execPath, args, {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let buffered = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      raw += chunk;
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const text of lines) {
        if (!text.startsWith('{')) continue;
        const line = JSON.parse(text) as LogLine;
        logs.push(line);
        for (const w of waiters) {
          if (w.match(line)) {
            waiters.delete(w);
            w.resolve(line);
          }
        }
      }
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      raw += chunk;
    });
    const listening = await new Promise<LogLine>((resolveListening, reject) => {
      // A relay that never says "listening" is ended with its group: a rejected start leaves no handle to stop it.
      const timer = setTimeout(() => {
        signalGroup(child, 'SIGKILL');
        reject(new Error(`relay did not start:\n${raw}`));
      }, 30_000);
      const w = {
        match: (l: LogLine) => l.event === 'listening',
        resolve: (l: LogLine) => {
          clearTimeout(timer);
          resolveListening(l);
        },
      };
      waiters.add(w);
      child.once('exit', (code) => {
        waiters.delete(w);
        clearTimeout(timer);
        // What it started (esbuild's service) goes with it.
        signalGroup(child, 'SIGKILL');
        reject(new Error(`relay exited with ${code} before listening:\n${raw}`));
      });
    });
    port = Number(new URL(String(listening.url)).port);
    return child;
  };

  let child = await launch();
  const exited = (c: ChildProcess) =>
    c.exitCode !== null || c.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((r) => c.once('exit', () => r()));

  const relay: RelayProcess = {
    get url() {
      return `ws://127.0.0.1:${port}`;
    },
    get httpUrl() {
      return `http://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    get child() {
      return child;
    },
    dataDir,
    logs,
    output: () => raw,
    async kill(signal = 'SIGKILL') {
      signalGroup(child, signal);
      await exited(child);
    },
    async restart() {
      await exited(child);
      child = await launch();
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const done = exited(child);
      signalGroup(child, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), 5000);
      await done;
      clearTimeout(timer);
      // Whatever the relay started (esbuild's service) goes with it.
      signalGroup(child, 'SIGKILL');
    },
    waitForLog(match, timeoutMs = 10_000) {
      const seen = logs.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolveLine, reject) => {
        const w = {
          match,
          resolve: (l: LogLine) => {
            clearTimeout(timer);
            resolveLine(l);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(w);
          reject(new Error('expected log line did not appear'));
        }, timeoutMs);
        waiters.add(w);
      });
    },
  };
  return relay;
}
