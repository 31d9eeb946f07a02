import { ImportJob } from './import/import-job';
import { SearchService } from './search/search-service';

export interface CoreOptions {
  /** The knowledge base folder, read with its subfolders. */
  contentDir: string;
  /** Where the app keeps its own files (persisted index; later the database). */
  dataDir: string;
  /** The index worker's entry file (see SearchService). */
  workerFile: string;
  /** The Service-Public.fr import worker's entry; without it the in-app import is unavailable. */
  importWorkerFile?: string;
  /** Follow changes of the content folder. */
  watch?: boolean;
  /** The clock, replaceable in tests ("open now" depends on it). */
  now?: () => Date;
}

/** The application, transport-free: what every API handler works on. */
export interface Core {
  readonly options: CoreOptions;
  readonly search: SearchService;
  readonly imports: ImportJob;
  now(): Date;
  close(): Promise<void>;
}

/** Starts the core; throws a ContentFolderError with a French message when the content folder is unusable. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const search = new SearchService(options);
  return {
    options,
    search,
    imports: new ImportJob(options.contentDir, options.importWorkerFile),
    now: options.now ?? (() => new Date()),
    close: () => search.close(),
  };
}
