// Worker thread entry: parses the content and builds the indexes away from the thread that answers the window.
import { parentPort, workerData } from 'node:worker_threads';
import { buildSearchData } from './index-build';
import { encodeSearchData } from './packed-index';
import { persistText } from './persist';
import type { PackedFiles } from './worker-files';
import { unpackFiles } from './worker-files';

export interface BuildRequest {
  /** Packed and transferred (see worker-files.ts). */
  files: PackedFiles;
  contentHash: string;
  /** Where to persist the result: serialising and writing tens of megabytes stays off the main thread. */
  dataDir?: string;
}

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  /**
   * The index in its binary layout, its buffer transferred (moved, not copied): the main thread reads it in
   * place, lazily, so the swap costs it milliseconds whatever the size of the index.
   */
  | { type: 'done'; bytes: Uint8Array; persisted: boolean }
  | { type: 'error'; message: string };

const request = workerData as BuildRequest;
const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) =>
  parentPort?.postMessage(message, transfer);
try {
  const data = buildSearchData(unpackFiles(request.files), request.contentHash, (done, total) =>
    post({ type: 'progress', done, total }),
  );
  const bytes = encodeSearchData(data);
  let persisted = false;
  if (request.dataDir) {
    try {
      persistText(request.dataDir, bytes);
      persisted = true;
    } catch (error) {
      console.warn('[search] could not persist the index:', error);
    }
  }
  post({ type: 'done', bytes, persisted }, [bytes.buffer as ArrayBuffer]);
} catch (error) {
  post({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
