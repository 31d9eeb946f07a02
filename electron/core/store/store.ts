// The app's SQLite database as the rest of the core sees it: one handle that a restore may replace, so services
// ask for `store.db` at each call and never keep it. The city server on PostgreSQL has its own store
// (postgres/postgres-store.ts) with the same surface (core-store.ts).
import { copyFileSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { BackupFile, CoreStore } from './core-store';
import { Db, type Tables } from './db';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import type { SqliteHandle, OpenOptions } from './database';
import { DatabaseVersionError, copyDatabase, fileStamp, openDatabase, userVersion } from './database';

export const DATABASE_FILE = 'infocite.db';
export const BACKUP_FOLDER = 'sauvegardes';

export type { BackupFile };

/** The core's view of a better-sqlite3 handle: Kysely's SQLite dialect over it, one connection. */
export function sqliteDb(handle: SqliteHandle): Db {
  return new Db(new Kysely<Tables>({ dialect: new SqliteDialect({ database: handle }) }), 'sqlite');
}

export class Store implements CoreStore {
  readonly engine = 'sqlite';
  readonly file: string;
  readonly backupDir: string;
  private handle!: SqliteHandle;
  private wrapped!: Db;
  private readonly options: OpenOptions;

  constructor(dataDir: string, options: Partial<OpenOptions> = {}) {
    this.file = join(dataDir, DATABASE_FILE);
    this.backupDir = options.backupDir ?? join(dataDir, BACKUP_FOLDER);
    this.options = { ...options, backupDir: this.backupDir };
    this.open();
  }

  /** Opens (and migrates) the file, and the core's view of it. */
  private open(): void {
    this.handle = openDatabase(this.file, this.options);
    this.wrapped = sqliteDb(this.handle);
  }

  get db(): Db {
    return this.wrapped;
  }

  get location(): string {
    return this.file;
  }

  /** better-sqlite3's own handle, for the file-level work (copies, integrity checks) and the migrations' tests. */
  get sqlite(): SqliteHandle {
    return this.handle;
  }

  private now(): Date {
    return (this.options.now ?? (() => new Date()))();
  }

  /** Writes a copy of the database in the backup folder and returns it. */
  backup(reason = 'sauvegarde'): BackupFile {
    const target = freeName(this.backupDir, `${reason}-${fileStamp(this.now())}`);
    copyDatabase(this.handle, target);
    return describe(target);
  }

  /** The copies in the backup folder, newest first. */
  backups(): BackupFile[] {
    if (!existsSync(this.backupDir)) return [];
    return readdirSync(this.backupDir)
      .filter((name) => name.endsWith('.db'))
      .map((name) => describe(join(this.backupDir, name)))
      .sort((a, b) => b.at.localeCompare(a.at) || b.name.localeCompare(a.name));
  }

  /**
   * Replaces the database with a copy, after checking it is a sound Info'Cité database this version can use,
   * and after saving the current one. The copy is migrated if it is older.
   */
  restore(source: string): { restoredFrom: string; savedAs: BackupFile } {
    checkRestorable(source);
    const savedAs = this.backup('avant-restauration');
    this.replaceFileWith(source);
    try {
      this.open();
    } catch (error) {
      // The copy passed the checks but could not be brought up to date (a migration failed): put the
      // database saved a moment ago back, so the app keeps working on what it had.
      this.replaceFileWith(savedAs.path);
      this.open();
      throw error;
    }
    return { restoredFrom: source, savedAs };
  }

  private replaceFileWith(source: string): void {
    if (this.handle.open) this.handle.close();
    for (const suffix of ['-wal', '-shm']) rmSync(`${this.file}${suffix}`, { force: true });
    copyFileSync(source, this.file);
  }

  close(): Promise<void> {
    if (this.handle.open) this.handle.close();
    return Promise.resolve();
  }
}

/** `base.db`, or `base-2.db`, `base-3.db`… when two copies are taken within the same second. */
function freeName(dir: string, base: string): string {
  let target = join(dir, `${base}.db`);
  for (let n = 2; existsSync(target); n++) target = join(dir, `${base}-${n}.db`);
  return target;
}

function describe(path: string): BackupFile {
  const stat = statSync(path);
  return { name: basename(path), path, size: stat.size, at: stat.mtime.toISOString() };
}

/**
 * Refuses, with a French message, a file that is not an Info'Cité database this version can open (the file is
 * only read); returns its schema version.
 */
export function checkRestorable(source: string): number {
  if (!existsSync(source) || !statSync(source).isFile())
    throw new DatabaseVersionError(`Le fichier ${source} n'existe pas.`);
  let db: SqliteHandle | null = null;
  try {
    db = new Database(source, { readonly: true, fileMustExist: true });
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok')
      throw new DatabaseVersionError(`Le fichier ${source} est endommagé (${String(integrity)}).`);
    const version = userVersion(db);
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name = 'comptes'")
      .get();
    if (version < 1 || !tables)
      throw new DatabaseVersionError(`Le fichier ${source} n'est pas une sauvegarde Info'Cité.`);
    if (version > SCHEMA_VERSION)
      throw new DatabaseVersionError(
        `La base ${source} vient d'une version plus récente d'Info'Cité (schéma ${version}, ` +
          `celle-ci connaît jusqu'au schéma ${SCHEMA_VERSION}) ; le fichier n'a pas été modifié.`,
      );
    return version;
  } catch (error) {
    if (error instanceof DatabaseVersionError) throw error;
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    throw new DatabaseVersionError(
      code === 'SQLITE_CORRUPT'
        ? `Le fichier ${source} est endommagé : il ne peut pas être restauré.`
        : `Le fichier ${source} n'est pas une base de données lisible.`,
    );
  } finally {
    db?.close();
  }
}

export { MIGRATIONS };
