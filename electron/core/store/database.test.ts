import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { SqliteHandle } from './database';
import { DatabaseVersionError, migrate, openDatabase, userVersion } from './database';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import type { Migration } from './migrations/types';
import { DATABASE_FILE, Store } from './store';
import {
  ROWS_AT,
  fillUpTo,
  rowsAddedAfter,
  snapshot,
  tablesUpTo,
} from '../../../dev/test-support/migration-rows';

const NOW = new Date('2026-11-23T09:05:12Z');

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'infocite-db-'));
}

/** A database file stopped at `version`, filled with rows valid at that version. */
function databaseAt(dir: string, version: number): string {
  const file = join(dir, DATABASE_FILE);
  const db = new Database(file);
  migrate(db, { backupDir: join(dir, 'ignored'), migrations: MIGRATIONS.slice(0, version) }, file);
  fillUpTo(db, version);
  db.close();
  return file;
}

function tableNames(db: SqliteHandle): string[] {
  return db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];
}

describe('migrations', () => {
  it('numbers the migrations 1, 2, 3… with no gap, and has sample rows for every version', async () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_m, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
    for (const migration of MIGRATIONS) expect(ROWS_AT[migration.version], migration.name).toBeDefined();
  });

  it('builds the whole schema on an empty database, with no backup (nothing to save)', async () => {
    const dir = tempDir();
    const store = new Store(dir, { now: () => NOW });
    const db = store.sqlite;
    expect(userVersion(db)).toBe(SCHEMA_VERSION);
    expect(tableNames(db)).toEqual(expect.arrayContaining(tablesUpTo(SCHEMA_VERSION)));
    // The rows of every version go in: the schema accepts them all.
    fillUpTo(db, SCHEMA_VERSION);
    expect(db.prepare('SELECT count(*) FROM label_evenements').pluck().get()).toBe(1);
    expect(store.backups()).toEqual([]);
    await store.close();
  });

  for (let version = 1; version < SCHEMA_VERSION; version++) {
    it(`migrates a database from version ${version}, keeping its rows and a backup at version ${version}`, async () => {
      const dir = tempDir();
      const file = databaseAt(dir, version);
      const before = (() => {
        const db = new Database(file, { readonly: true });
        try {
          expect(userVersion(db)).toBe(version);
          return snapshot(db, tablesUpTo(version));
        } finally {
          db.close();
        }
      })();

      const store = new Store(dir, { now: () => NOW });
      expect(userVersion(store.sqlite)).toBe(SCHEMA_VERSION);
      const after = snapshot(store.sqlite, tablesUpTo(version));
      // Later migrations may add columns, and reference rows (`adds`): every row is still there with its values.
      for (const table of tablesUpTo(version)) {
        const rows = before[table] ?? [];
        expect(after[table], table).toHaveLength(rows.length + rowsAddedAfter(version, table));
        expect(after[table], table).toEqual(
          expect.arrayContaining(rows.map((row) => expect.objectContaining(row as object) as unknown)),
        );
      }
      // The rows of the newer versions fit the migrated schema.
      for (let v = version + 1; v <= SCHEMA_VERSION; v++) ROWS_AT[v]?.fill(store.sqlite);

      const backups = store.backups();
      expect(backups.map((b) => b.name)).toEqual([`avant-migration-v${version}-2026-11-23T09-05-12.db`]);
      const copy = new Database(backups[0]?.path ?? '', { readonly: true });
      expect(userVersion(copy)).toBe(version);
      expect(snapshot(copy, tablesUpTo(version))).toEqual(before);
      copy.close();
      await store.close();
    });
  }

  it('refuses a database made by a newer version, in French, and leaves it byte for byte', async () => {
    const dir = tempDir();
    const file = databaseAt(dir, SCHEMA_VERSION);
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const bytes = readFileSync(file);

    expect(() => new Store(dir, { now: () => NOW })).toThrow(DatabaseVersionError);
    expect(() => new Store(dir, { now: () => NOW })).toThrow(
      `version plus récente d'Info'Cité (schéma ${SCHEMA_VERSION + 1}, cette version connaît jusqu'au schéma ${SCHEMA_VERSION})`,
    );
    expect(() => new Store(dir, { now: () => NOW })).toThrow("la base n'a pas été modifiée");
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual([DATABASE_FILE]);
  });

  it('refuses a file that is not a database, in French', async () => {
    const dir = tempDir();
    const file = join(dir, DATABASE_FILE);
    const notes = 'Ceci est un fichier texte, pas une base de données.'.repeat(100);
    writeFileSync(file, notes);
    expect(() => openDatabase(file, { backupDir: join(dir, 'b') })).toThrow(/ne peut pas être ouverte/);
    expect(readFileSync(file, 'utf8')).toBe(notes);
  });

  it('runs each migration in its own transaction: one that throws leaves the version and the data', async () => {
    const dir = tempDir();
    const file = databaseAt(dir, 2);
    const failing: Migration = {
      version: 3,
      name: 'fails half-way',
      up(db) {
        db.exec("CREATE TABLE nouvelle (x TEXT); INSERT INTO nouvelle VALUES ('a')");
        db.exec("UPDATE points SET nom = 'changé'");
        throw new Error('boom');
      },
    };
    const migrations = [...MIGRATIONS.slice(0, 2), failing];
    expect(() => openDatabase(file, { backupDir: join(dir, 'b'), migrations, now: () => NOW })).toThrow(
      /ne peut pas être ouverte : boom/,
    );
    const db = new Database(file, { readonly: true });
    expect(userVersion(db)).toBe(2);
    expect(tableNames(db)).not.toContain('nouvelle');
    expect(db.prepare('SELECT nom FROM points').pluck().all()).toEqual(['Accueil']);
    db.close();
    // The copy taken before migrating is there too.
    expect(readdirSync(join(dir, 'b'))).toEqual(['avant-migration-v2-2026-11-23T09-05-12.db']);
  });

  it('takes no copy before migrating when told the database is itself a throwaway copy', () => {
    const dir = tempDir();
    const file = databaseAt(dir, 2);
    const db = openDatabase(file, {
      backupDir: join(dir, 'b'),
      backupBeforeMigrating: false,
      now: () => NOW,
    });
    expect(userVersion(db)).toBe(SCHEMA_VERSION);
    db.close();
    expect(existsSync(join(dir, 'b'))).toBe(false);
  });

  it('applies the earlier migrations of a run even when a later one fails', async () => {
    const dir = tempDir();
    const file = databaseAt(dir, 1);
    const failing: Migration = {
      version: 3,
      name: 'fails',
      up() {
        throw new Error('boom');
      },
    };
    expect(() =>
      openDatabase(file, { backupDir: join(dir, 'b'), migrations: [...MIGRATIONS.slice(0, 2), failing] }),
    ).toThrow(DatabaseVersionError);
    const db = new Database(file, { readonly: true });
    expect(userVersion(db)).toBe(2);
    expect(tableNames(db)).toContain('points');
    db.close();
  });

  it('sets WAL, foreign keys and a busy timeout', async () => {
    const dir = tempDir();
    const store = new Store(dir);
    const db = store.sqlite;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    // Foreign keys are enforced, not only declared.
    expect(() =>
      db.prepare("INSERT INTO affectations (agent_id, point_id, debut) VALUES (99, 99, '2025-01-01')").run(),
    ).toThrow(/FOREIGN KEY/);
    await store.close();
    expect(existsSync(join(dir, DATABASE_FILE))).toBe(true);
  });
});
