// What the core needs of its store, whichever engine holds it: the SQLite file of a standalone desk
// (store.ts) or the city's PostgreSQL server (postgres/postgres-store.ts).
import type { Db, Engine } from './db';

export interface BackupFile {
  name: string;
  path: string;
  size: number;
  /** ISO instant of the file's last change. */
  at: string;
}

export interface CoreStore {
  readonly engine: Engine;
  /** Ask at each use: a restore replaces it. */
  readonly db: Db;
  /** Where the data lives, for Réglages: the SQLite file, or the PostgreSQL server and database (no password). */
  readonly location: string;
  /** The folder of the copies (SQLite); null on PostgreSQL, backed up by the database server's tools. */
  readonly backupDir: string | null;
  /** A copy in the backup folder (SQLite); PostgreSQL is backed up with pg_dump, and refuses with how. */
  backup(reason?: string): BackupFile;
  /** The copies in the backup folder, newest first (none on PostgreSQL). */
  backups(): BackupFile[];
  restore(source: string): { restoredFrom: string; savedAs: BackupFile };
  close(): Promise<void>;
}
