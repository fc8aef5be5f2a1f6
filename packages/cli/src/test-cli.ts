// Test helper (not exported): the real `tianbao` command, or another of the repo's scripts, as a child process,
// awaited. Async on purpose: a blocking spawnSync holds the worker so long on a loaded machine that its RPC to
// vitest times out ("Timeout calling onTaskUpdate"), which is why the unit suite once ran on one worker.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const run = promisify(execFile);

export interface Ran {
  stdout: string;
  stderr: string;
  status: number;
}

/** A repo script (path from the repo root) run by tsx; a non-zero exit is returned, not thrown. */
export function tsxScript(script: string, ...args: string[]): Promise<Ran> {
  return run(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  }).then(
    (r) => ({ ...r, status: 0 }),
    (e: { stdout?: string; stderr?: string; code?: number | string; message: string }) => {
      // Only a process that ran and exited non-zero is a result; failing to start or overflowing is a test error.
      if (typeof e.code !== 'number') throw e;
      return { stdout: e.stdout ?? '', stderr: e.stderr ?? '', status: e.code };
    },
  );
}

export const tianbao = (...args: string[]): Promise<Ran> => tsxScript('packages/cli/src/bin.ts', ...args);
