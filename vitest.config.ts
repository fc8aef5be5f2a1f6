import { defineConfig } from 'vitest/config';

// Unit and convergence tests live next to the code; tests/ holds the end-to-end suites run by their own config.
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'extension/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'tests/**'],
    pool: 'forks',
    // Two workers on CI's two cores. They once timed out ("Timeout calling onTaskUpdate", CI 65654b0) because
    // the CLI tests' spawnSync blocked a worker for seconds; every child process in the unit tests is now
    // awaited (packages/cli/src/test-cli.ts), so a worker keeps answering vitest while its child runs.
    maxWorkers: 2,
    // Caps against hangs, not speed checks. The slowest unit test (templates.test.ts, a refused import: several
    // real `tsx` processes) took 25 s on one worker with the machine busy (load 6.6) and 22 s on two; CI once
    // saw 33 s. Hooks get the same: the CLI tests' beforeAll now awaits a real `tianbao log import-json`,
    // which vitest's default 10 s hook timeout would cut short on two busy cores.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
