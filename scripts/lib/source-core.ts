import type { Core, CoreOptions } from '../../electron/core/app';
import { createCore } from '../../electron/core/app';
import { IMPORT_WORKER_SOURCE_FILE, WORKER_SOURCE_FILE } from './paths';

/**
 * The core as the long-running commands start it (the preview, the city server): workers run from their
 * TypeScript sources, the content folder watched, the log's retention applied.
 */
export function createServingCore(
  contentDir: string,
  dataDir: string,
  mode: 'autonome' | 'serveur' = 'autonome',
  /** The city server's PostgreSQL database and its pool size (`npm run server -- --database …`). */
  database: Pick<CoreOptions, 'database' | 'databasePool'> = {},
): Promise<Core> {
  return createCore({
    ...database,
    mode,
    contentDir,
    dataDir,
    workerFile: WORKER_SOURCE_FILE,
    importWorkerFile: IMPORT_WORKER_SOURCE_FILE,
    watch: true,
    retention: true,
  });
}
