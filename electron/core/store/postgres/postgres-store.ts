// The city server's store on PostgreSQL (`npm run server -- --database postgres://…`): a pool of connections
// with limits, the schema brought up to date at start, and the same surface as the SQLite store.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { BackupFile, CoreStore } from '../core-store';
import { Db, type Tables } from '../db';
import { DatabaseVersionError } from '../database';
import { RefusedError } from '../../errors';
import { migratePostgres } from './migrate';

export interface PostgresOptions {
  /** Connections at most (the city server's concurrent calls beyond it wait their turn). */
  maxConnections?: number;
}

/** What Réglages and the refusals say about backups on PostgreSQL (docs/SERVEUR.md has the same commands). */
export const POSTGRES_BACKUP_MESSAGE =
  'Sur PostgreSQL, les sauvegardes se font avec les outils du serveur de base de données, pas depuis ' +
  "l'application : « pg_dump --format=custom --file=infocite.dump <adresse> » chaque nuit, et " +
  '« pg_restore --clean --if-exists --dbname=<adresse> infocite.dump » pour restaurer.';

// PostgreSQL's 64-bit integers (count(*), sum()) and numerics (avg()) arrive as strings by default; the core's
// figures are JavaScript numbers, as they are from SQLite.
const INT8 = 20;
const NUMERIC = 1700;
const TYPES = {
  getTypeParser: ((oid: number, format?: string) => {
    if (oid === INT8 || oid === NUMERIC) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as 'text');
  }) as typeof pg.types.getTypeParser,
};

/** « postgres://infocite@db.ville.fr:5432/infocite » without its password, for messages and Réglages. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}

/**
 * The PostgreSQL server could not be connected to (not started, a wrong address, role or password): the
 * connection's own error is its cause. A DatabaseVersionError too, as every failure to open the database is.
 */
/** Whether `url` names a PostgreSQL database (postgres:// or postgresql://). */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/** The PostgreSQL address a command was given: its --database option, else DATABASE_URL; undefined: neither. */
export function givenDatabaseUrl(option: string | undefined): string | undefined {
  return option ?? (process.env.DATABASE_URL || undefined);
}

export class DatabaseUnreachableError extends DatabaseVersionError {}

export class PostgresStore implements CoreStore {
  readonly engine = 'postgres';
  readonly location: string;
  readonly backupDir = null;

  private constructor(
    readonly db: Db,
    url: string,
  ) {
    this.location = describeUrl(url);
  }

  /**
   * Connects, refuses a schema newer than this version, and migrates; throws a DatabaseVersionError in French (a
   * DatabaseUnreachableError when no connection could be made).
   */
  static async open(url: string, options: PostgresOptions = {}): Promise<PostgresStore> {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.maxConnections ?? 10,
      // A call waits at most this long for a free connection, then fails with a clear message.
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      types: TYPES,
    });
    // An idle connection the server dropped (PostgreSQL restarting) must not crash the process: the pool
    // discards it and opens a new one at the next call.
    pool.on('error', (error) => console.warn('[postgres] idle connection lost:', error.message));
    const db = new Db(new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) }), 'postgres');
    try {
      (await pool.connect()).release();
    } catch (error) {
      await db.destroy();
      throw new DatabaseUnreachableError(
        `La base PostgreSQL ${describeUrl(url)} ne peut pas être ouverte : ` +
          `${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
    try {
      await migratePostgres(db);
    } catch (error) {
      await db.destroy();
      if (error instanceof DatabaseVersionError) throw error;
      throw new DatabaseVersionError(
        `La base PostgreSQL ${describeUrl(url)} ne peut pas être ouverte : ` +
          `${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
    return new PostgresStore(db, url);
  }

  backup(): BackupFile {
    throw new RefusedError(POSTGRES_BACKUP_MESSAGE);
  }

  backups(): BackupFile[] {
    return [];
  }

  restore(): { restoredFrom: string; savedAs: BackupFile } {
    throw new RefusedError(POSTGRES_BACKUP_MESSAGE);
  }

  close(): Promise<void> {
    return this.db.destroy();
  }
}
