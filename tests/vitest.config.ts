import { defineConfig } from 'vitest/config';

// End-to-end: real Chromium with the built extension, real relay processes. Two files at a time: a file
// spends most of its time waiting on a page, a relay or LibreOffice, so two keep CI's 2 cores busy (every
// file takes its own temp profile, data folder and free ports).
export default defineConfig({
  test: {
    include: ['tests/**/*.e2e.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    // Tests marked concurrent (fixture loops that mostly wait on a page) run this many at a time.
    maxConcurrency: 4,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Pages on a loaded 2-core machine: poll for up to 10 s before calling a UI state missing.
    expect: { poll: { timeout: 10_000, interval: 100 } },
  },
});
