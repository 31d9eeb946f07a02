import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread on `file`: the bundled .cjs in Electron, or a TypeScript source during development and
 * tests, which a small boot file loads through tsx (a worker does not inherit the parent's loaders).
 */
export function startWorker(file: string, workerData: object, transferList: ArrayBuffer[] = []): Worker {
  if (file.endsWith('.ts')) {
    const boot = new URL('./ts-worker-boot.mjs', import.meta.url);
    return new Worker(boot, {
      workerData: { ...workerData, __entry: pathToFileURL(file).href },
      transferList,
    });
  }
  return new Worker(file, { workerData, transferList });
}
