import {
  copyFileSync,
  mkdtempSync,
  openSync,
  readFileSync,
  writeFileSync,
  writeSync,
  closeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseVersionError, migrate, userVersion } from './database';
import { sql } from './db';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import { Store, checkRestorable } from './store';
import { fillUpTo } from '../../../dev/test-support/migration-rows';

let clock = new Date('2026-11-23T09:05:12Z');
const opened: Store[] = [];

function freshStore(): Store {
  const store = new Store(mkdtempSync(join(tmpdir(), 'infocite-store-')), { now: () => clock });
  opened.push(store);
  return store;
}

afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
  clock = new Date('2026-11-23T09:05:12Z');
});

/** Read and written through the async Db, which must follow the handle a restore replaces. */
async function pointNames(store: Store): Promise<string[]> {
  return (await store.db.all<{ nom: string }>(sql`SELECT nom FROM points ORDER BY id`)).map((row) => row.nom);
}

async function addPoint(store: Store, code: string, nom: string): Promise<void> {
  await store.db.run(
    sql`INSERT INTO points (code, nom, entite, type, cree_le)
        VALUES (${code}, ${nom}, 'ville', 'physique', '2026-01-01')`,
  );
}

describe('Store backups', () => {
  it('writes a consistent copy in the backup folder and lists the copies newest first', async () => {
    const store = freshStore();
    await addPoint(store, 'a', 'Accueil A');
    const first = store.backup();
    expect(first.name).toBe('sauvegarde-2026-11-23T09-05-12.db');
    expect(first.path).toBe(join(store.backupDir, first.name));
    expect(first.size).toBeGreaterThan(0);
    // Twice in the same second: a second file, not a failure.
    const again = store.backup();
    expect(again.name).toBe('sauvegarde-2026-11-23T09-05-12-2.db');

    const copy = new Database(first.path, { readonly: true });
    expect(copy.prepare('SELECT nom FROM points').pluck().all()).toEqual(['Accueil A']);
    expect(userVersion(copy)).toBe(SCHEMA_VERSION);
    copy.close();

    writeFileSync(join(store.backupDir, 'notes.txt'), 'pas une sauvegarde');
    expect(
      store
        .backups()
        .map((b) => b.name)
        .sort(),
    ).toEqual([first.name, again.name].sort());
  });
});

describe('Store.restore', () => {
  it('replaces the database with a copy, after saving the current one', async () => {
    const store = freshStore();
    await addPoint(store, 'a', 'Accueil A');
    const saved = store.backup();
    await addPoint(store, 'b', 'Accueil B');
    clock = new Date('2026-11-23T10:00:00Z');

    const result = store.restore(saved.path);
    expect(await pointNames(store)).toEqual(['Accueil A']);
    expect(result.savedAs.name).toBe('avant-restauration-2026-11-23T10-00-00.db');
    const before = new Database(result.savedAs.path, { readonly: true });
    expect(before.prepare('SELECT nom FROM points ORDER BY id').pluck().all()).toEqual([
      'Accueil A',
      'Accueil B',
    ]);
    before.close();
    // The restored database is live and writable, with the pragmas.
    await addPoint(store, 'c', 'Accueil C');
    expect(await pointNames(store)).toEqual(['Accueil A', 'Accueil C']);
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('refuses a file that is not a database, and keeps the current one', async () => {
    const store = freshStore();
    await addPoint(store, 'a', 'Accueil A');
    const text = join(store.backupDir, 'faux.db');
    store.backup();
    writeFileSync(text, 'Ceci n’est pas une base de données. '.repeat(200));
    expect(() => store.restore(text)).toThrow(DatabaseVersionError);
    expect(() => store.restore(text)).toThrow("n'est pas une base de données lisible");
    expect(() => store.restore(join(store.backupDir, 'absente.db'))).toThrow("n'existe pas");
    expect(await pointNames(store)).toEqual(['Accueil A']);
    // Nothing was saved for a refused restore.
    expect(store.backups().filter((b) => b.name.startsWith('avant-restauration'))).toEqual([]);
  });

  it('refuses a SQLite database that is not Info’Cité’s', async () => {
    const store = freshStore();
    const other = join(store.backupDir, 'autre.db');
    store.backup();
    const db = new Database(other);
    db.exec('CREATE TABLE notes (texte TEXT)');
    db.close();
    expect(() => store.restore(other)).toThrow("n'est pas une sauvegarde Info'Cité");
  });

  it('refuses a copy made by a newer version', async () => {
    const store = freshStore();
    const saved = store.backup();
    const db = new Database(saved.path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => store.restore(saved.path)).toThrow("vient d'une version plus récente");
  });

  it('refuses a damaged copy', async () => {
    const store = freshStore();
    for (let i = 0; i < 200; i++) await addPoint(store, `p${i}`, `Point ${i} ${'x'.repeat(200)}`);
    const saved = store.backup();
    // Overwrite the middle of the file (table pages) with garbage.
    const damaged = join(store.backupDir, 'abimee.db');
    copyFileSync(saved.path, damaged);
    const size = readFileSync(damaged).length;
    const fd = openSync(damaged, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0xa5), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    expect(() => checkRestorable(damaged)).toThrow('est endommagé');
    expect(() => store.restore(damaged)).toThrow(DatabaseVersionError);
    expect(await pointNames(store)).toHaveLength(200);
  });

  it('migrates a copy from an older version once restored', async () => {
    const store = freshStore();
    const old = join(store.backupDir, 'ancienne-v1.db');
    store.backup();
    const db = new Database(old);
    migrate(db, { backupDir: store.backupDir, migrations: MIGRATIONS.slice(0, 1) }, old);
    fillUpTo(db, 1);
    db.close();

    store.restore(old);
    expect(userVersion(store.sqlite)).toBe(SCHEMA_VERSION);
    expect(await store.db.all(sql`SELECT identifiant FROM comptes`)).toEqual([{ identifiant: 'admin' }]);
    expect(store.backups().map((b) => b.name)).toContain('avant-migration-v1-2026-11-23T09-05-12.db');
  });

  it('puts the current database back when the restored copy cannot be migrated', async () => {
    const store = freshStore();
    await addPoint(store, 'a', 'Accueil A');
    const old = join(store.backupDir, 'ancienne-v1.db');
    store.backup();
    const db = new Database(old);
    migrate(db, { backupDir: store.backupDir, migrations: MIGRATIONS.slice(0, 1) }, old);
    // A table the next migration wants to create: it fails on this copy.
    db.exec('CREATE TABLE points (x TEXT)');
    db.close();

    expect(() => store.restore(old)).toThrow(/ne peut pas être ouverte/);
    expect(await pointNames(store)).toEqual(['Accueil A']);
    expect(userVersion(store.sqlite)).toBe(SCHEMA_VERSION);
  });
});
