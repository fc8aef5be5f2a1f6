import { defineConfig } from 'vitest/config';

// Unit and convergence tests live next to the code; tests/ holds the end-to-end suites run by their own config.
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'extension/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'tests/**'],
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one worker on CI's 2 cores, idle while a CLI test's
    // child process runs. Two keep both cores busy.
    maxWorkers: 2,
    // A cap against hangs, not a speed check: a CLI test runs several real `tsx` processes, and with two workers on
    // two busy cores one of them took 33 s on CI (merging two copies of a log).
    testTimeout: 120_000,
  },
});
