// Worker thread entry: parses the content and builds the indexes away from the thread that answers the window.
import { parentPort, workerData } from 'node:worker_threads';
import type { ContentFile } from '../knowledge/content-files';
import { buildSearchData } from './index-build';

export interface BuildRequest {
  files: ContentFile[];
  contentHash: string;
}

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; data: ReturnType<typeof buildSearchData> }
  | { type: 'error'; message: string };

const request = workerData as BuildRequest;
const post = (message: WorkerMessage) => parentPort?.postMessage(message);
try {
  const data = buildSearchData(request.files, request.contentHash, (done, total) =>
    post({ type: 'progress', done, total }),
  );
  post({ type: 'done', data });
} catch (error) {
  post({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
