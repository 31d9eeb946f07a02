// The PostgreSQL schema mirrors SQLite's: both migrated from scratch, read from their catalogues and compared
// table by table (dev/test-support/schema-introspection.ts says what « the same » means across engines).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../dev/test-support/postgres';
import {
  POSTGRES_ONLY_TABLES,
  describePostgres,
  describeSqlite,
  postgresIdentityColumns,
  sqliteRowidAliases,
  type SchemaDescription,
} from '../../../../dev/test-support/schema-introspection';
import { sql } from '../db';
import { SCHEMA_VERSION } from '../migrations';
import { Store } from '../store';
import { POSTGRES_MIGRATIONS } from './migrations';
import { MIGRATIONS } from '../migrations';
import { PostgresStore } from './postgres-store';

let database: TestDatabase;
let postgres: PostgresStore;
let sqlite: Store;
let pgSchema: SchemaDescription;
let sqliteSchema: SchemaDescription;

beforeAll(async () => {
  database = await createTestDatabase();
  postgres = await PostgresStore.open(database.url);
  sqlite = new Store(mkdtempSync(join(tmpdir(), 'infocite-schema-')));
  sqliteSchema = describeSqlite(sqlite.sqlite);
  pgSchema = await describePostgres(postgres.db);
  for (const table of POSTGRES_ONLY_TABLES) delete pgSchema[table];
});

afterAll(async () => {
  await postgres?.close();
  await sqlite?.close();
  await database?.drop();
});

describe('the PostgreSQL schema', () => {
  it('has a migration for each SQLite one, with the same number and name', () => {
    expect(POSTGRES_MIGRATIONS.map((m) => [m.version, m.name])).toEqual(
      MIGRATIONS.map((m) => [m.version, m.name]),
    );
    expect(POSTGRES_MIGRATIONS.at(-1)?.version).toBe(SCHEMA_VERSION);
  });

  it('has the same tables', () => {
    expect(Object.keys(pgSchema).sort()).toEqual(Object.keys(sqliteSchema).sort());
  });

  // One test per aspect, each naming the table and what differs (toEqual's diff shows the entry).
  const aspects = [
    'columns',
    'primaryKey',
    'uniques',
    'indexes',
    'foreignKeys',
    'checks',
    'triggers',
  ] as const;
  for (const aspect of aspects)
    it(`has the same ${aspect} in every table`, () => {
      const differences: string[] = [];
      for (const [table, description] of Object.entries(sqliteSchema)) {
        const expected = description[aspect];
        const actual = pgSchema[table]?.[aspect];
        if (JSON.stringify(actual) !== JSON.stringify(expected))
          differences.push(
            `${table}.${aspect}:\n  SQLite     ${JSON.stringify(expected)}\n  PostgreSQL ${JSON.stringify(actual)}`,
          );
      }
      expect(differences.join('\n')).toBe('');
    });

  it('has the nine triggers of the running counts', () => {
    const triggers = Object.values(pgSchema).flatMap((table) => table.triggers);
    expect(triggers).toHaveLength(9);
  });

  it('numbers the same rows itself: each SQLite rowid alias is an identity column (years excepted)', async () => {
    const identities = await postgresIdentityColumns(postgres.db);
    // bilan_plans.annee is an INTEGER PRIMARY KEY only to be the key: the year is always given.
    expect(identities).toEqual(
      sqliteRowidAliases(sqlite.sqlite).filter((name) => name !== 'bilan_plans.annee'),
    );
  });

  it('holds the same rows once migrated (training types, objectives, the starter audit grid)', async () => {
    const differences: string[] = [];
    for (const [table, description] of Object.entries(sqliteSchema)) {
      // Instants written by the migration itself differ by nature.
      const columns = Object.keys(description.columns).filter((column) => column !== 'cree_le');
      const list = columns.join(', ');
      const order = columns.map((_, i) => i + 1).join(', ');
      const expected = sqlite.sqlite.prepare(`SELECT ${list} FROM ${table} ORDER BY ${order}`).all();
      const actual = await postgres.db.all(sql.raw(`SELECT ${list} FROM ${table} ORDER BY ${order}`));
      if (JSON.stringify(actual) !== JSON.stringify(expected))
        differences.push(
          `${table}:\n  SQLite     ${JSON.stringify(expected)}\n  PostgreSQL ${JSON.stringify(actual)}`,
        );
    }
    expect(differences.join('\n')).toBe('');
    expect(await postgres.db.value(sql`SELECT count(*) FROM controle_grille_versions`)).toBe(1);
  });

  it('writes the starter grid’s instants as SQLite does (ISO, UTC, milliseconds)', async () => {
    const instant = await postgres.db.value<string>(sql`SELECT cree_le FROM controle_grilles`);
    expect(instant).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(Math.abs(Date.parse(instant ?? '') - Date.now())).toBeLessThan(60_000);
  });
});
