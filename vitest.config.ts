import { configDefaults, defineConfig } from 'vitest/config';

/** What both projects share. */
const shared = {
  environment: 'node' as const,
  // Each test file's temporary folders live in one folder removed after the file (dev/test-support/temp-root.ts).
  setupFiles: ['dev/test-support/temp-root.ts'],
  // One throwaway PostgreSQL 15 cluster for the run (or the server INFOCITE_TEST_POSTGRES names), for the tests
  // of the city server's PostgreSQL store (dev/test-support/postgres.ts).
  globalSetup: ['dev/test-support/postgres-global-setup.ts'],
  testTimeout: 30_000,
  // Set-ups build a search index and, on PostgreSQL, a fresh migrated database: seconds on a loaded machine.
  hookTimeout: 60_000,
};

/**
 * Files that replace a module with vi.mock: they need a module registry of their own. Every other file shares
 * its worker's modules with the files run before it (isolate: false), which halves the run: importing the core
 * again for each of 250 files took as long as their tests.
 */
export const MOCKING = [
  'electron/core/auth/concurrency.test.ts',
  'electron/core/redaction/save-rollback.test.ts',
  'electron/server/http-server.test.ts',
];

/** Every test, on SQLite by default. */
const ALL = [
  'common/**/*.test.ts',
  'electron/**/*.test.ts',
  'dev/**/*.test.ts',
  'scripts/**/*.test.ts',
  'renderer/**/*.test.ts',
  'eval/**/*.test.ts',
];

/** The city server's API tests, run a second time on PostgreSQL, but for the files listed. */
const POSTGRES = ['electron/server/**/*.test.ts'];
// Files whose outcome does not depend on the engine of testCore/sampleCore: on PostgreSQL already
// (concurrency, postgres-restart), on a core of their own, or without any core.
const ENGINE_INDEPENDENT = [
  'electron/server/concurrency.test.ts',
  'electron/server/postgres-restart.test.ts',
  'electron/server/handlers/admin.test.ts',
  'electron/server/handlers/knowledge.test.ts',
  'electron/server/desk/{outbox-crash,sender,server-link,server-url}.test.ts',
  'electron/server/{http-clients,http-guards,json-log}.test.ts',
];
const onPostgres = { env: { INFOCITE_TEST_ENGINE: 'postgres' } };

export default defineConfig({
  test: {
    // Vitest runs one file at a time on a 2-core machine by default (cores − 1); many files wait on child
    // processes, workers and disk, so two at a time use both cores and cut the run by about a third.
    maxWorkers: 2,
    // Every test runs once (« all »: SQLite by default); the city server's API tests run a second time on a fresh
    // PostgreSQL database each (dev/test-support/test-core.ts), in the same pool: one run, no second start-up.
    // The files that mock a module run apart, each in a registry of its own (« -isolated »).
    projects: [
      {
        test: {
          ...shared,
          name: 'all',
          include: ALL,
          exclude: [...configDefaults.exclude, ...MOCKING],
          isolate: false,
        },
      },
      { test: { ...shared, name: 'all-isolated', include: MOCKING } },
      {
        test: {
          ...shared,
          ...onPostgres,
          name: 'postgres',
          include: POSTGRES,
          exclude: [...configDefaults.exclude, ...ENGINE_INDEPENDENT, ...MOCKING],
          isolate: false,
        },
      },
      {
        test: {
          ...shared,
          ...onPostgres,
          name: 'postgres-isolated',
          include: MOCKING.filter((file) => file.startsWith('electron/server/')),
          exclude: ENGINE_INDEPENDENT,
        },
      },
    ],
  },
});
