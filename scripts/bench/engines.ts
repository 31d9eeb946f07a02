// The engines the journal, indicator and desk benches run on: SQLite always, and PostgreSQL beside it when a
// server is given (`--database URL`, or `--database auto` / `--postgres`: a throwaway cluster started here and
// removed at the end).
//
// The benches never write into the database the URL names: each measurement gets a fresh database of its own on
// that server (infocite_bench_…, so the URL's role needs CREATEDB), dropped when the measurement ends.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CoreStore } from '../../electron/core/store/core-store';
import { sql, type Db } from '../../electron/core/store/db';
import { PostgresStore, describeUrl, isPostgresUrl } from '../../electron/core/store/postgres/postgres-store';
import { Store } from '../../electron/core/store/store';
import {
  admin,
  createTestDatabase,
  startOwnTestPostgres,
  type TestDatabase,
} from '../../dev/test-support/postgres';
import { MB, fixed } from './table';

export interface PostgresTarget {
  /** The server, without password; and how it was obtained. */
  label: string;
  /** A new, empty database on the server. */
  fresh(): Promise<TestDatabase>;
  /** Stops the throwaway cluster, if this run started it. */
  stop(): Promise<void>;
}

/**
 * The server named by `option` (a postgres:// URL), or « auto »: a throwaway PostgreSQL 15 cluster, started as the
 * tests start theirs (fsync off). Its bench databases then commit with synchronous_commit = on: each commit
 * writes its WAL to the operating system before it returns, without an fsync — what SQLite does in WAL mode with
 * synchronous = NORMAL, so the two engines are measured alike. A server given by URL is measured as it is set.
 */
export async function postgresTarget(option: string): Promise<PostgresTarget> {
  let serverUrl = option;
  let stop = (): Promise<void> => Promise.resolve();
  let how = 'given with --database';
  const auto = option === 'auto';
  if (auto) {
    process.stderr.write('… starting a throwaway PostgreSQL cluster…\n');
    const cluster = await startOwnTestPostgres();
    serverUrl = cluster.adminUrl;
    stop = () => cluster.stop();
    how =
      'throwaway cluster started by the bench, removed at the end; bench databases with synchronous_commit on';
  } else if (!isPostgresUrl(option)) {
    throw new Error(`--database attend une adresse postgres://… ou « auto » (reçu : ${option})`);
  }
  const settings = await admin(serverUrl, async (client) => {
    const version = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]
      ?.server_version;
    const values: string[] = [];
    for (const name of ['fsync', 'synchronous_commit', 'shared_buffers'])
      values.push(`${name} ${(await client.query<Record<string, string>>(`SHOW ${name}`)).rows[0]?.[name]}`);
    return `PostgreSQL ${version ?? '?'}, server: ${values.join(', ')}`;
  });
  return {
    label: `${describeUrl(serverUrl)} (${how}; ${settings})`,
    fresh: () =>
      createTestDatabase(serverUrl, {
        prefix: 'infocite_bench',
        setup: auto
          ? (client, name) => client.query(`ALTER DATABASE ${name} SET synchronous_commit = on`)
          : undefined,
      }),
    stop,
  };
}

/** After a bulk load on PostgreSQL: what autovacuum would have done during the year (statistics, visibility). */
async function settlePostgres(db: Db): Promise<number> {
  const started = performance.now();
  await db.run(sql`VACUUM (ANALYZE)`);
  return performance.now() - started;
}

/** The database's size on the server. */
async function postgresSize(db: Db): Promise<number> {
  return Number(await db.value<number>(sql`SELECT pg_database_size(current_database())`));
}

/** The two rows every engines' table ends with: how long loading the year took, and what it weighs. */
export function loadRows(
  sqlite: { generatedS: number; bytes: number },
  postgres: { generatedS: number; bytes: number },
): string[][] {
  return [
    [
      'generation, s',
      fixed(sqlite.generatedS, 1),
      fixed(postgres.generatedS, 1),
      ratio(postgres.generatedS, sqlite.generatedS),
      '',
    ],
    [
      'database size, MB',
      fixed(sqlite.bytes / MB, 0),
      fixed(postgres.bytes / MB, 0),
      ratio(postgres.bytes, sqlite.bytes),
      '',
    ],
  ];
}

/** « ×1.35 »: PostgreSQL / SQLite. */
export function ratio(postgres: number, sqlite: number): string {
  const value = postgres / sqlite;
  return Number.isFinite(value) ? `×${value.toFixed(2)}` : '–';
}

/** The SQLite file with its WAL. */
function sqliteSize(file: string): number {
  let bytes = statSync(file).size;
  try {
    bytes += statSync(`${file}-wal`).size;
  } catch {
    // No WAL file: everything is checkpointed.
  }
  return bytes;
}

/** One engine a bench runs on: a data folder, and a database of its own (dropped by cleanUp). */
export interface BenchEngine {
  name: 'SQLite' | 'PostgreSQL';
  /** The core's data folder (the SQLite file lives there; on PostgreSQL, only the index files). */
  dataDir: string;
  /** The PostgreSQL URL for createCore's `database` (undefined: SQLite in dataDir). */
  database?: string;
  open(): Promise<CoreStore>;
  /**
   * After a bulk load: SQLite writes its WAL back into the file, as the app finds it after a while; PostgreSQL
   * runs VACUUM (ANALYZE), as autovacuum would have during the year. The time of the latter.
   */
  settle(db: Db): Promise<number | undefined>;
  /** The database's size in bytes (SQLite: the file and its WAL). */
  size(store: CoreStore): Promise<number>;
  cleanUp(): Promise<void>;
}

function sqliteEngine(prefix: string): BenchEngine {
  const dataDir = mkdtempSync(join(tmpdir(), `infocite-bench-${prefix}-`));
  return {
    name: 'SQLite',
    dataDir,
    open: () => Promise.resolve(new Store(dataDir)),
    async settle(db) {
      await db.all(sql`PRAGMA wal_checkpoint(TRUNCATE)`);
      return undefined;
    },
    size: (store) => Promise.resolve(sqliteSize((store as Store).file)),
    cleanUp: () => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })),
  };
}

async function postgresEngine(target: PostgresTarget, prefix: string): Promise<BenchEngine> {
  const database = await target.fresh();
  const dataDir = mkdtempSync(join(tmpdir(), `infocite-bench-${prefix}-pg-`));
  return {
    name: 'PostgreSQL',
    dataDir,
    database: database.url,
    open: () => PostgresStore.open(database.url),
    settle: settlePostgres,
    size: (store) => postgresSize(store.db),
    async cleanUp() {
      rmSync(dataDir, { recursive: true, force: true });
      await database.drop();
    },
  };
}

/** SQLite, then PostgreSQL when a server is given: each made when its turn comes, cleaned up by the caller. */
export function benchEngines(prefix: string, postgres?: PostgresTarget): Array<() => Promise<BenchEngine>> {
  const engines = [() => Promise.resolve(sqliteEngine(prefix))];
  if (postgres) engines.push(() => postgresEngine(postgres, prefix));
  return engines;
}
