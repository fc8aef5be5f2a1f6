import { defineConfig } from 'vitest/config';

// End-to-end: real Chromium with the built extension, real relay processes. One file at a time on 2 cores.
export default defineConfig({
  test: {
    include: ['tests/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Pages on a loaded 2-core machine: poll for up to 10 s before calling a UI state missing.
    expect: { poll: { timeout: 10_000, interval: 100 } },
  },
});
