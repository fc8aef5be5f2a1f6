// Test helper (not exported): the real `tianbao` command as a child process, awaited. Async on purpose:
// a blocking spawnSync per call starves vitest's worker RPC on a loaded machine.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const run = promisify(execFile);

export function tianbaoAsync(...args: string[]): Promise<{ stdout: string; stderr: string; status: number }> {
  return run(process.execPath, ['--import', 'tsx', 'packages/cli/src/bin.ts', ...args], { cwd: root }).then(
    (r) => ({ ...r, status: 0 }),
    (e: { stdout: string; stderr: string; code: number }) => ({
      stdout: e.stdout,
      stderr: e.stderr,
      status: e.code,
    }),
  );
}
