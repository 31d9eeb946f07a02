// The connection to the app's SQLite database: pragmas, and the migrations run at opening. The rest of the core
// reaches it through store/db.ts.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';

/** better-sqlite3's own handle: the migrations, the pragmas and the file copies work on it directly. */
export type SqliteHandle = Database.Database;

/** A database this version cannot use (made by a newer version, or not an Info'Cité database). */
export class DatabaseVersionError extends Error {}

export interface OpenOptions {
  /** Where the copy taken before migrating goes. */
  backupDir: string;
  /** false: no copy before migrating (a database that is itself a throwaway copy). */
  backupBeforeMigrating?: boolean;
  migrations?: readonly Migration[];
  now?: () => Date;
  /** better-sqlite3's native module built for Electron, when it differs from Node's (see DESIGN.md). */
  nativeBinding?: string;
}

export function userVersion(db: SqliteHandle): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** « 2026-11-23T09-05-12 »: sortable, and legal in every file system. */
export function fileStamp(date: Date): string {
  return date.toISOString().slice(0, 19).replaceAll(':', '-');
}

/** A consistent copy of the live database (WAL included) in one file. */
export function copyDatabase(db: SqliteHandle, target: string): void {
  mkdirSync(dirname(target), { recursive: true });
  db.prepare('VACUUM INTO ?').run(target);
}

function applyPragmas(db: SqliteHandle): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/**
 * Brings the schema up to the last migration, each in its own transaction with its version written in
 * `user_version`; a database from a newer version is refused untouched, and an existing one is copied first.
 * Returns the path of that copy, if one was taken.
 */
function latestVersion(options: OpenOptions): number {
  return (options.migrations ?? MIGRATIONS).at(-1)?.version ?? 0;
}

/** Refuses a database made by a newer version, before anything (even a pragma) writes to it. */
function refuseNewer(db: SqliteHandle, options: OpenOptions, file: string): void {
  const latest = latestVersion(options);
  const current = userVersion(db);
  if (current > latest) {
    throw new DatabaseVersionError(
      `La base de données ${file} a été créée par une version plus récente d'Info'Cité ` +
        `(schéma ${current}, cette version connaît jusqu'au schéma ${latest}). ` +
        `Installez la dernière version de l'application ; la base n'a pas été modifiée.`,
    );
  }
}

export function migrate(db: SqliteHandle, options: OpenOptions, file: string): string | null {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = latestVersion(options);
  refuseNewer(db, options, file);
  const current = userVersion(db);
  if (current === latest) return null;
  let backup: string | null = null;
  if (current > 0 && options.backupBeforeMigrating !== false) {
    backup = join(
      options.backupDir,
      `avant-migration-v${current}-${fileStamp((options.now ?? (() => new Date()))())}.db`,
    );
    copyDatabase(db, backup);
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return backup;
}

/** Opens (creating it if needed) and migrates the database at `file`. */
export function openDatabase(file: string, options: OpenOptions): SqliteHandle {
  mkdirSync(dirname(file), { recursive: true });
  const fresh = !existsSync(file);
  // SQLite would take an empty file for a new database: the first comer would then set up the installation. A
  // database that exists was made by the app, so an empty one was lost (a disk full, a copy cut short).
  if (!fresh && statSync(file).size === 0) {
    throw new DatabaseVersionError(
      `La base de données ${file} ne peut pas être ouverte : le fichier est vide (0 octet), ` +
        `il a sans doute été tronqué. Restaurez une sauvegarde ; le fichier n'a pas été modifié.`,
    );
  }
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    if (!fresh) {
      // A file that is not SQLite fails here, with SQLite's own message.
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
      // Before the pragmas: switching to WAL rewrites the file's header, and a newer database must be left
      // exactly as it was.
      refuseNewer(db, options, file);
    }
    applyPragmas(db);
    migrate(db, options, file);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof DatabaseVersionError) throw error;
    throw new DatabaseVersionError(
      `La base de données ${file} ne peut pas être ouverte : ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
