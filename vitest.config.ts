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
    // A cap against hangs, not a speed check: a CLI test runs several real `tsx` processes, and with two workers on
    // two busy cores one of them took 33 s on CI (merging two copies of a log).
    testTimeout: 120_000,
  },
});
