// Vitest globalSetup: one PostgreSQL cluster for the whole run (postgres.ts), named to the test workers by
// INFOCITE_TEST_POSTGRES. Vitest builds the workers' environment from the main process's one after the global
// setups ran, so the variable reaches every worker (and their children). A URL already in INFOCITE_TEST_POSTGRES
// is used as is, and nothing is started.
//
// The server starts in the background (≈1.5 s) while Vitest loads the test files: its URL is known from its
// port beforehand, and createTestDatabase() waits for it to accept connections. Set
// INFOCITE_TEST_POSTGRES_TIMING=1 to see when it is ready.
import {
  TEST_POSTGRES_ENV,
  adminUrlAt,
  freePort,
  postgresInstalled,
  startOwnTestPostgres,
  type TestPostgres,
} from './postgres';

export default async function setup(): Promise<() => Promise<void>> {
  const given = process.env[TEST_POSTGRES_ENV];
  if (given) return () => Promise.resolve();
  if (!postgresInstalled()) {
    // A machine without PostgreSQL still runs the other tests; the PostgreSQL ones fail, saying why.
    console.warn(
      '[postgres] PostgreSQL ≥ 15 is not installed: the PostgreSQL tests will fail (see postgres.ts).',
    );
    return () => Promise.resolve();
  }
  const began = performance.now();
  const port = await freePort();
  const starting: Promise<TestPostgres | null> = startOwnTestPostgres({ port }).then(
    (server) => {
      if (process.env.INFOCITE_TEST_POSTGRES_TIMING)
        console.info(`[postgres] ready in ${Math.round(performance.now() - began)} ms: ${server.adminUrl}`);
      return server;
    },
    (error: unknown) => {
      console.warn(`[postgres] not started, the PostgreSQL tests will fail: ${String(error)}`);
      return null;
    },
  );
  const adminUrl = adminUrlAt(port);
  process.env[TEST_POSTGRES_ENV] = adminUrl;
  return async () => {
    await (await starting)?.stop();
  };
}
