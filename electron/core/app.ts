import { join } from 'node:path';
import { AuthService } from './auth/auth';
import { removeLeftoverTemporaries } from './redaction/files';
import { ImportJob, IMPORTS_FOLDER } from './import/import-job';
import { runRetention } from './journal/retention';
import { runReclamationRetention } from './reclamations/retention';
import { removeLeftoverIndexFiles } from './search/persist';
import { SearchService } from './search/search-service';
import type { CoreStore } from './store/core-store';
import { PostgresStore } from './store/postgres/postgres-store';
import { Store } from './store/store';

export interface CoreOptions {
  /** The knowledge base folder, read with its subfolders. */
  contentDir: string;
  /** Where the app keeps its own files: the database, its backups, the persisted index. */
  dataDir: string;
  /** The index worker's entry file (see SearchService). */
  workerFile: string;
  /** The Service-Public.fr import worker's entry; without it the in-app import is unavailable. */
  importWorkerFile?: string;
  /** The only folder the in-app import reads from; `<dataDir>/imports` by default. */
  importRoot?: string;
  /** Follow changes of the content folder. */
  watch?: boolean;
  /** The clock, replaceable in tests ("open now" depends on it, and so do label expiries). */
  now?: () => Date;
  /** better-sqlite3's native module built for Electron (see DESIGN.md); Node's own otherwise. */
  sqliteBinding?: string;
  /** Apply the orientation log's retention period at start and then every few hours (off in most tests). */
  retention?: boolean;
  /**
   * The city server's PostgreSQL database (`postgres://…`); without it, the SQLite file in `dataDir`. Only the
   * city server uses it: a desk's own copy and its outbox stay in SQLite.
   */
  database?: string;
  /** The PostgreSQL pool's connections at most (`npm run server -- --pool N`); 10 by default. */
  databasePool?: number;
  /** How this core runs: a standalone desk (the default) or the city server (`npm run server`). */
  mode?: 'autonome' | 'serveur';
}

/** The retention period is in months: checking a few times a day is plenty, and cheap when nothing is due. */
const RETENTION_EVERY_MS = 6 * 60 * 60 * 1000;

async function applyRetention(store: CoreStore, now: () => Date): Promise<void> {
  try {
    const result = await runRetention(store.db, now());
    if (result.deleted > 0) console.log(`[retention] ${result.deleted} entries folded into daily counts`);
  } catch (error) {
    console.error('[retention] failed:', error);
  }
  // The complaints' contact details: same job, own period (months after closing), apart so one failure
  // does not stop the other.
  try {
    const result = await runReclamationRetention(store.db, now());
    if (result.effacees > 0) console.log(`[retention] ${result.effacees} complaints' contact details erased`);
  } catch (error) {
    console.error('[retention] complaints failed:', error);
  }
}

/** The application, transport-free: what every API handler works on. */
export interface Core {
  readonly options: CoreOptions;
  readonly search: SearchService;
  readonly imports: ImportJob;
  /** The database; ask `store.db` at each use, a restore replaces it. */
  readonly store: CoreStore;
  readonly auth: AuthService;
  now(): Date;
  close(): Promise<void>;
}

/**
 * Starts the core; throws a ContentFolderError or a DatabaseVersionError with a French message when the
 * content folder or the database is unusable.
 */
export async function createCore(options: CoreOptions): Promise<Core> {
  const now = options.now ?? (() => new Date());
  const store: CoreStore = options.database
    ? await PostgresStore.open(options.database, { maxConnections: options.databasePool })
    : new Store(options.dataDir, { now, nativeBinding: options.sqliteBinding });
  // Temporary files of saves and index writes a killed process left behind: hidden, so never read, but cleaned.
  try {
    for (const path of removeLeftoverTemporaries(options.contentDir))
      console.log(`[editor] leftover temporary file removed: ${path}`);
    removeLeftoverIndexFiles(options.dataDir);
  } catch (error) {
    console.warn('[core] cleaning leftover temporary files failed:', error);
  }
  let search: SearchService;
  try {
    search = new SearchService(options);
  } catch (error) {
    await store.close();
    throw error;
  }
  let timer: NodeJS.Timeout | undefined;
  if (options.retention) {
    await applyRetention(store, now);
    timer = setInterval(() => void applyRetention(store, now), RETENTION_EVERY_MS);
    timer.unref();
  }
  return {
    options,
    search,
    imports: new ImportJob(
      options.contentDir,
      options.importWorkerFile,
      options.importRoot ?? join(options.dataDir, IMPORTS_FOLDER),
    ),
    store,
    auth: new AuthService(store, now),
    now,
    close: async () => {
      clearInterval(timer);
      await search.close();
      await store.close();
    },
  };
}
