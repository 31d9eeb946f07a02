import { SearchService } from './search/search-service';

export interface CoreOptions {
  /** The knowledge base folder, read with its subfolders. */
  contentDir: string;
  /** Where the app keeps its own files (persisted index; later the database). */
  dataDir: string;
  /** The index worker's entry file (see SearchService). */
  workerFile: string;
  /** Follow changes of the content folder. */
  watch?: boolean;
  /** The clock, replaceable in tests ("open now" depends on it). */
  now?: () => Date;
}

/** The application, transport-free: what every API handler works on. */
export interface Core {
  readonly options: CoreOptions;
  readonly search: SearchService;
  now(): Date;
  close(): Promise<void>;
}

/** Starts the core; throws a ContentFolderError with a French message when the content folder is unusable. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const search = new SearchService(options);
  return {
    options,
    search,
    now: options.now ?? (() => new Date()),
    close: () => search.close(),
  };
}
