// PostgreSQL restarting under a running city server: the calls caught by it fail with an error the core reads
// as « unreachable » (store/errors.ts), and the store answers again once the server is back, without reopening.
// The test runs a cluster of its own, not the run's shared one, since it restarts it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  startOwnTestPostgres,
  type OwnTestPostgres,
  type TestDatabase,
} from '../../../../dev/test-support/postgres';
import { sql } from '../db';
import { isUnreachable } from '../errors';
import { PostgresStore } from './postgres-store';

let cluster: OwnTestPostgres;
let database: TestDatabase;
let store: PostgresStore;

beforeAll(async () => {
  cluster = await startOwnTestPostgres();
  database = await createTestDatabase(cluster.adminUrl);
  store = await PostgresStore.open(database.url);
}, 60_000);

afterAll(async () => {
  await store?.close();
  await cluster?.stop();
});

async function failure(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => {
      throw new Error('the call should have failed');
    },
    (error: unknown) => error,
  );
}

/** The answer of a call made right after the server came back: at most one failure, itself « unreachable ». */
async function answersAgain(): Promise<void> {
  try {
    expect(await store.db.value(sql`SELECT 1 AS one`)).toBe(1);
  } catch (error) {
    // An idle connection the restart cut may be handed out before the pool heard it was gone.
    expect(isUnreachable(error), String(error)).toBe(true);
    expect(await store.db.value(sql`SELECT 1 AS one`)).toBe(1);
  }
}

describe('a PostgreSQL store whose server restarts', () => {
  it('fails the call running during the restart as unreachable, then answers again', async () => {
    expect(await store.db.value(sql`SELECT 1 AS one`)).toBe(1);
    const running = failure(store.db.value(sql`SELECT pg_sleep(30)`));
    // Let the query reach the server before it goes down.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await cluster.restart();
    const error = await running;
    expect(isUnreachable(error), String(error)).toBe(true);
    await answersAgain();
  });

  it('fails the calls made while the server is down as unreachable, then answers again', async () => {
    await cluster.stopServer();
    try {
      const error = await failure(store.db.value(sql`SELECT 1 AS one`));
      expect(isUnreachable(error), String(error)).toBe(true);
      const inTransaction = await failure(store.db.transaction((tx) => tx.value(sql`SELECT 1 AS one`)));
      expect(isUnreachable(inTransaction), String(inTransaction)).toBe(true);
    } finally {
      await cluster.startServer();
    }
    await answersAgain();
  });

  it('answers after a restart that happened while its connections were idle', async () => {
    // Several idle connections in the pool, then a restart behind them.
    await Promise.all([1, 2, 3].map(() => store.db.value(sql`SELECT pg_sleep(0.05)`)));
    await cluster.restart();
    await answersAgain();
    expect(await store.db.value(sql`SELECT count(*) FROM types_formation`)).toBeGreaterThan(0);
  });
});
