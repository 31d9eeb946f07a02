import { AccountService } from './accounts/accounts';
import { ImportJob } from './import/import-job';
import { SearchService } from './search/search-service';
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
  /** Follow changes of the content folder. */
  watch?: boolean;
  /** The clock, replaceable in tests ("open now" depends on it, and so do label expiries). */
  now?: () => Date;
  /** better-sqlite3's native module built for Electron (see DESIGN.md); Node's own otherwise. */
  sqliteBinding?: string;
}

/** The application, transport-free: what every API handler works on. */
export interface Core {
  readonly options: CoreOptions;
  readonly search: SearchService;
  readonly imports: ImportJob;
  /** The database; ask `store.db` at each use, a restore replaces it. */
  readonly store: Store;
  readonly accounts: AccountService;
  now(): Date;
  close(): Promise<void>;
}

/**
 * Starts the core; throws a ContentFolderError or a DatabaseVersionError with a French message when the
 * content folder or the database is unusable.
 */
export async function createCore(options: CoreOptions): Promise<Core> {
  const now = options.now ?? (() => new Date());
  const store = new Store(options.dataDir, { now, nativeBinding: options.sqliteBinding });
  let search: SearchService;
  try {
    search = new SearchService(options);
  } catch (error) {
    store.close();
    throw error;
  }
  return {
    options,
    search,
    imports: new ImportJob(options.contentDir, options.importWorkerFile),
    store,
    accounts: new AccountService(store, now),
    now,
    close: async () => {
      await search.close();
      store.close();
    },
  };
}
