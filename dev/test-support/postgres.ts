// A throwaway PostgreSQL (15 or newer) cluster for the tests, and fresh databases in it.
//
// The whole run shares one cluster, started by postgres-global-setup.ts and named by INFOCITE_TEST_POSTGRES (an
// admin URL); each test file makes its own databases with createTestDatabase() and drops them. Set
// INFOCITE_TEST_POSTGRES yourself to run the tests against a server of your own (the URL of a role allowed to
// create databases): nothing is started then.
//
// A started cluster lives in a temporary folder (data, socket, log), removed when it stops. Its server runs
// without durability (fsync off): tests only. As root (CI containers), initdb and pg_ctl run as the postgres user.
import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** The environment variable holding the admin URL of the tests' PostgreSQL server. */
export const TEST_POSTGRES_ENV = 'INFOCITE_TEST_POSTGRES';

export interface TestPostgres {
  /** A superuser's URL (database « postgres »). */
  adminUrl: string;
  /** Stops the server (if this call started it) and removes its folder. */
  stop(): Promise<void>;
}

export interface OwnTestPostgres extends TestPostgres {
  /** `pg_ctl restart` (fast shutdown: sessions are terminated, as on a real restart). */
  restart(): Promise<void>;
  /** Stops the server, keeping its data, until startServer(). */
  stopServer(): Promise<void>;
  startServer(): Promise<void>;
}

/** Debian's PostgreSQL installations, one folder per major version. */
const DEBIAN_POSTGRESQL = '/usr/lib/postgresql';
const OLDEST_VERSION = 15;

/**
 * Where PostgreSQL's programs are: INFOCITE_POSTGRES_BIN, else the newest version ≥ 15 installed the Debian way
 * (the 15 folder when none is, for the messages).
 */
export function binDir(): string {
  if (process.env.INFOCITE_POSTGRES_BIN) return process.env.INFOCITE_POSTGRES_BIN;
  const versions = existsSync(DEBIAN_POSTGRESQL)
    ? readdirSync(DEBIAN_POSTGRESQL)
        .map(Number)
        .filter(
          (version) =>
            Number.isInteger(version) &&
            version >= OLDEST_VERSION &&
            existsSync(join(DEBIAN_POSTGRESQL, String(version), 'bin', 'initdb')),
        )
    : [];
  return join(DEBIAN_POSTGRESQL, String(Math.max(OLDEST_VERSION, ...versions)), 'bin');
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** The programs that run the server: as root, they run as the postgres user (initdb refuses root). */
const SERVER_TOOLS = new Set(['initdb', 'pg_ctl']);

/** The command line of a PostgreSQL tool; the clients (pg_dump, pg_restore…) run as the caller, on its files. */
function command(tool: string, args: string[]): [string, string[]] {
  const path = join(binDir(), tool);
  return asRoot && SERVER_TOOLS.has(tool)
    ? ['runuser', ['-u', 'postgres', '--', path, ...args]]
    : [path, args];
}

/** Runs one of PostgreSQL's programs (initdb, pg_ctl, pg_dump…); fails with its output. */
export function run(tool: string, args: string[]): Promise<void> {
  const [file, argv] = command(tool, args);
  return new Promise((resolve, reject) => {
    execFile(file, argv, { timeout: 60_000 }, (error, stdout, stderr) => {
      if (error)
        reject(new Error(`${tool} ${args.join(' ')} failed: ${error.message}\n${stdout}\n${stderr}`));
      else resolve();
    });
  });
}

/** A TCP port free on 127.0.0.1 now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The URL of the run's shared server (INFOCITE_TEST_POSTGRES, set by the global setup), or a clear failure: the
 * PostgreSQL tests never pass by skipping.
 */
export function testPostgresUrl(): string {
  const url = process.env[TEST_POSTGRES_ENV];
  if (!url)
    throw new Error(
      `${TEST_POSTGRES_ENV} is not set: run the tests through vitest.config.ts (its globalSetup starts PostgreSQL ` +
        `from ${binDir()}), or set it to the admin URL of a PostgreSQL ≥ 15 server.`,
    );
  return url;
}

/** PostgreSQL's binaries are where this module looks for them. */
export function postgresInstalled(): boolean {
  return existsSync(join(binDir(), 'initdb'));
}

/** The admin URL of a cluster started here on `port`. */
export function adminUrlAt(port: number): string {
  return `postgres://postgres@127.0.0.1:${port}/postgres`;
}

/**
 * A cluster of the caller's own (restart tests), whatever INFOCITE_TEST_POSTGRES says; on `port` if given (the
 * global setup names the URL before the server is up).
 */
export async function startOwnTestPostgres(wanted: { port?: number } = {}): Promise<OwnTestPostgres> {
  if (!postgresInstalled())
    throw new Error(
      `PostgreSQL ≥ 15 is not installed in ${binDir()} (set INFOCITE_POSTGRES_BIN, or ${TEST_POSTGRES_ENV} to the ` +
        `admin URL of a server of yours).`,
    );
  // The postgres user must reach the folder: a test file's temporary root (temp-root.ts) is private to us, so
  // it gets the traverse bit (not the listing one).
  const parent = tmpdir();
  if (asRoot && (statSync(parent).mode & 0o001) === 0) chmodSync(parent, statSync(parent).mode | 0o001);
  const dir = mkdtempSync(join(parent, 'infocite-pg-'));
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  let started = false;
  const cleanUp = (): void => {
    if (started) {
      const [file, argv] = command('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      spawnSync(file, argv, { stdio: 'ignore', timeout: 30_000 });
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // A run that dies without its teardown must not leave a server behind.
  process.once('exit', cleanUp);
  try {
    if (asRoot) {
      const { uid, gid } = postgresIds();
      chownSync(dir, uid, gid);
    }
    await run('initdb', [
      '-D',
      data,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '-N',
    ]);
    const port = wanted.port ?? (await freePort());
    const options = [
      '-c listen_addresses=127.0.0.1',
      `-p ${port}`,
      `-k ${dir}`,
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
    ].join(' ');
    const start = async (): Promise<void> => {
      try {
        await run('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '60', '-o', options, 'start']);
      } catch (error) {
        const tail = existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : '';
        throw new Error(`${error instanceof Error ? error.message : String(error)}\n${tail}`, {
          cause: error,
        });
      }
      started = true;
    };
    await start();
    const stopServer = async (): Promise<void> => {
      await run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      started = false;
    };
    return {
      adminUrl: adminUrlAt(port),
      async stop() {
        process.removeListener('exit', cleanUp);
        if (started)
          await run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
        started = false;
        rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
      },
      async restart() {
        await run('pg_ctl', [
          '-D',
          data,
          '-l',
          log,
          '-m',
          'fast',
          '-w',
          '-t',
          '60',
          '-o',
          options,
          'restart',
        ]);
        started = true;
      },
      stopServer,
      startServer: start,
    };
  } catch (error) {
    process.removeListener('exit', cleanUp);
    cleanUp();
    throw error;
  }
}

function postgresIds(): { uid: number; gid: number } {
  const out = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const group = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (out.status !== 0 || group.status !== 0) throw new Error('No « postgres » user to run PostgreSQL as');
  return { uid: Number(out.stdout.trim()), gid: Number(group.stdout.trim()) };
}

export interface TestDatabase {
  url: string;
  /** Drops the database, ending whatever connections are still open on it. */
  drop(): Promise<void>;
}

/** How long a test waits for the run's server, which the global setup starts while the workers load. */
const STARTING_MS = 90_000;

/**
 * `work` with a client connected to `adminUrl`, closed afterwards. The run's shared server is waited for while
 * it starts; any other server is expected up.
 */
export async function admin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const wait = adminUrl === process.env[TEST_POSTGRES_ENV];
  const deadline = Date.now() + STARTING_MS;
  let client: pg.Client;
  for (;;) {
    client = new pg.Client({ connectionString: adminUrl });
    try {
      await client.connect();
      break;
    } catch (error) {
      // Not up yet (refused), or starting (57P03): wait for it.
      const code = error instanceof Error && 'code' in error ? String(error.code) : '';
      if (!wait || !['ECONNREFUSED', '57P03'].includes(code) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabaseOptions {
  /** The new database's name before its random part (infocite_test by default). */
  prefix?: string;
  /** Run on the admin connection right after CREATE DATABASE (an ALTER DATABASE … SET, say). */
  setup?(client: pg.Client, name: string): Promise<unknown>;
}

/** A new, empty database with a random name on the server at `adminUrl`. */
export async function createTestDatabase(
  adminUrl: string = testPostgresUrl(),
  options: TestDatabaseOptions = {},
): Promise<TestDatabase> {
  const name = `${options.prefix ?? 'infocite_test'}_${randomBytes(6).toString('hex')}`;
  await admin(adminUrl, async (client) => {
    await client.query(`CREATE DATABASE ${name}`);
    await options.setup?.(client, name);
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      admin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(),
  };
}
