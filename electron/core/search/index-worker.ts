// Worker thread entry: parses the content and builds the indexes away from the thread that answers the window.
import { parentPort, workerData } from 'node:worker_threads';
import type { ContentFile } from '../knowledge/content-files';
import { buildSearchData } from './index-build';
import { persistText } from './persist';

export interface BuildRequest {
  files: ContentFile[];
  contentHash: string;
  /** Where to persist the result: serialising and writing tens of megabytes stays off the main thread. */
  dataDir?: string;
}

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  /** The search data as JSON: one flat string crosses threads faster than a deep object graph. */
  | { type: 'done'; json: string; persisted: boolean }
  | { type: 'error'; message: string };

const request = workerData as BuildRequest;
const post = (message: WorkerMessage) => parentPort?.postMessage(message);
try {
  const data = buildSearchData(request.files, request.contentHash, (done, total) =>
    post({ type: 'progress', done, total }),
  );
  const json = JSON.stringify(data);
  let persisted = false;
  if (request.dataDir) {
    try {
      persistText(request.dataDir, json);
      persisted = true;
    } catch (error) {
      console.warn('[search] could not persist the index:', error);
    }
  }
  post({ type: 'done', json, persisted });
} catch (error) {
  post({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
