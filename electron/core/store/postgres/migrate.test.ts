// The PostgreSQL migration runner: idempotent, refusing a newer schema untouched, safe with two servers starting
// at once on one new database.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../dev/test-support/postgres';
import { describePostgres } from '../../../../dev/test-support/schema-introspection';
import { DatabaseVersionError } from '../database';
import { sql } from '../db';
import { isUnreachable } from '../errors';
import { SCHEMA_VERSION } from '../migrations';
import { migratePostgres, schemaVersion } from './migrate';
import { DatabaseUnreachableError, PostgresStore } from './postgres-store';

const databases: TestDatabase[] = [];
const stores: PostgresStore[] = [];

async function freshDatabase(): Promise<string> {
  const database = await createTestDatabase();
  databases.push(database);
  return database.url;
}

async function open(url: string): Promise<PostgresStore> {
  const store = await PostgresStore.open(url);
  stores.push(store);
  return store;
}

afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  for (const database of databases.splice(0)) await database.drop();
});

/** The schema, the applied versions and the settings' rows: what a migration could change. */
async function snapshot(store: PostgresStore): Promise<string> {
  return JSON.stringify({
    schema: await describePostgres(store.db),
    versions: await store.db.all(sql`SELECT version, name, applied_at FROM schema_version ORDER BY version`),
    settings: await store.db.all(sql`SELECT cle, valeur FROM reglages ORDER BY cle`),
    grids: await store.db.value(sql`SELECT count(*) FROM controle_grille_versions`),
  });
}

describe('migratePostgres', () => {
  it('brings a new database to the last version, and changes nothing when run again', async () => {
    const url = await freshDatabase();
    const store = await open(url);
    expect(await schemaVersion(store.db)).toBe(SCHEMA_VERSION);
    await store.db.run(sql`INSERT INTO reglages (cle, valeur) VALUES ('ville', '"Nantes"')`);
    const before = await snapshot(store);

    await migratePostgres(store.db);
    expect(await snapshot(store)).toBe(before);

    const reopened = await open(url);
    expect(await snapshot(reopened)).toBe(before);
  });

  it('refuses a database of a newer schema, in French, and leaves it untouched', async () => {
    const url = await freshDatabase();
    const store = await open(url);
    await store.db.run(
      sql`INSERT INTO schema_version (version, name, applied_at) VALUES (${SCHEMA_VERSION + 1}, 'future', 'x')`,
    );
    const before = await snapshot(store);

    const refusal = await PostgresStore.open(url).then(
      (unexpected) => {
        stores.push(unexpected);
        return null;
      },
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(DatabaseVersionError);
    expect((refusal as Error).message).toContain('a été créée par une version plus récente');
    expect((refusal as Error).message).toContain(`schéma ${SCHEMA_VERSION + 1}`);
    expect((refusal as Error).message).toContain("la base n'a pas été modifiée");
    await expect(migratePostgres(store.db)).rejects.toBeInstanceOf(DatabaseVersionError);
    expect(await snapshot(store)).toBe(before);
    // A newer schema is not a connection failure (the server's start-up hint tells them apart by type).
    expect(refusal).not.toBeInstanceOf(DatabaseUnreachableError);
  });

  it('tells a server it cannot connect to apart, the connection error as its cause', async () => {
    const refusal = await PostgresStore.open('postgres://infocite:secret@127.0.0.1:1/infocite').catch(
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(DatabaseUnreachableError);
    expect((refusal as Error).message).toContain('ne peut pas être ouverte');
    expect((refusal as Error).message).not.toContain('secret');
    expect(isUnreachable((refusal as Error).cause)).toBe(true);
  });

  it('lets two servers opening one new database at once both succeed, the migrations run once', async () => {
    const url = await freshDatabase();
    const [first, second] = await Promise.all([open(url), open(url)]);
    expect(
      await first.db.all(
        sql`SELECT version, count(*) AS n FROM schema_version GROUP BY version ORDER BY version`,
      ),
    ).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => ({ version: i + 1, n: 1 })));
    expect(await second.db.value(sql`SELECT count(*) FROM controle_grilles`)).toBe(1);
    expect(
      await second.db.value(sql`SELECT count(*) FROM types_formation WHERE code = 'auditeur_interne'`),
    ).toBe(1);
  });
});
