// Vitest globalSetup: one PostgreSQL cluster for the whole run (postgres.ts), named to the test workers by
// INFOCITE_TEST_POSTGRES. Vitest builds the workers' environment from the main process's one after the global
// setups ran, so the variable reaches every worker (and their children); it is also provided as
// inject('infocitePostgres'). A URL already in INFOCITE_TEST_POSTGRES is used as is, and nothing is started.
import type { TestProject } from 'vitest/node';
import { TEST_POSTGRES_ENV, startTestPostgres } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    infocitePostgres: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = performance.now();
  let server;
  try {
    server = await startTestPostgres();
  } catch (error) {
    // A machine without PostgreSQL still runs the other tests; the PostgreSQL ones fail, saying why.
    console.warn(`[postgres] not started, the PostgreSQL tests will fail: ${String(error)}`);
    return () => Promise.resolve();
  }
  if (process.env.INFOCITE_TEST_POSTGRES_TIMING)
    console.info(`[postgres] ready in ${Math.round(performance.now() - started)} ms: ${server.adminUrl}`);
  process.env[TEST_POSTGRES_ENV] = server.adminUrl;
  project.provide('infocitePostgres', server.adminUrl);
  return () => server.stop();
}
