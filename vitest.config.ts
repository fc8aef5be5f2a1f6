import { defineConfig } from 'vitest/config';

// Unit and convergence tests live next to the code; tests/ holds the end-to-end suites run by their own config.
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'extension/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'tests/**'],
    pool: 'forks',
    testTimeout: 30_000,
  },
});
