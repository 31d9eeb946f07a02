import type { Worker } from 'node:worker_threads';
import type { ContentFile } from '../knowledge/content-files';
import type { Progress } from './index-build';
import { buildSearchData } from './index-build';
import type { BuildRequest, WorkerMessage } from './index-worker';
import { encodeSearchData, PackedIndex } from './packed-index';
import { startWorker } from '../worker-thread';
import { stepThrough } from '../steps';
import { packFilesInSteps, transferablesOf } from './worker-files';

/**
 * Builds the search data in a worker thread so the window never freezes. Should the worker not start at all
 * (a packaging mistake), the build runs here rather than leaving the desk without search.
 */
export async function buildInWorker(
  workerFile: string,
  files: ContentFile[],
  contentHash: string,
  onProgress: Progress,
  dataDir?: string,
  /** Told when the worker's bytes arrive (the benchmark times the swap from there). */
  onReceived: () => void = () => {},
): Promise<{ index: PackedIndex; persisted: boolean }> {
  // Packed in steps and moved to the worker: given as they are, the files were cloned in one go on this thread.
  const packed = await stepThrough(packFilesInSteps(files));
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      const request = { files: packed, contentHash, dataDir } satisfies BuildRequest;
      worker = startWorker(workerFile, request, transferablesOf(packed));
    } catch (error) {
      console.warn('[search] index worker unavailable, building in-process:', error);
      const bytes = encodeSearchData(buildSearchData(files, contentHash, onProgress));
      resolve({ index: new PackedIndex(bytes, false), persisted: false });
      return;
    }
    let settled = false;
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress(message.done, message.total);
      else {
        settled = true;
        void worker.terminate();
        if (message.type === 'done') {
          onReceived();
          // The bytes arrive in place (transferred): only the metadata is decoded, a step per turn of the event
          // loop so the window keeps being answered; the rest is read when a query needs it.
          PackedIndex.inSteps(message.bytes).then(
            (index) => resolve({ index, persisted: message.persisted }),
            (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))),
          );
        } else reject(new Error(message.message));
      }
    });
    worker.on('error', (error) => {
      if (!settled) {
        settled = true;
        reject(error);
      }
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`index worker exited with code ${code}`));
    });
  });
}
