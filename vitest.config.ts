import { defineConfig } from 'vitest/config';

/** Browser tests whose own figures depend on the machine's time (convergence, kills): run alone, last. */
const ALONE = ['tests/e2e/drill.test.ts', 'tests/e2e/sigkill.test.ts', 'tests/e2e/startup*.test.ts'];

export default defineConfig({
  test: {
    // CI also writes a JSON summary that .ci/run turns into one closing line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.test-results.json' }]] : ['default'],
    // Two files at a time. Vitest's default on 2 cores is one (cores - 1), yet most of a test file's time
    // is waiting on the database, Chromium or a timer. Every file has its own database or schema, port
    // and browser, so two never share state.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**'],
          environment: 'node',
          setupFiles: ['tests/support/english.ts'],
          // scrypt at N=2^17 and PGlite start-up are slow on 2 cores; these are limits, not timings.
          testTimeout: 60_000,
          hookTimeout: 120_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          exclude: ALONE,
          environment: 'node',
          setupFiles: ['tests/support/english.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // After the unit files, two browser files at a time.
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'e2e-alone',
          include: ALONE,
          environment: 'node',
          setupFiles: ['tests/support/english.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
