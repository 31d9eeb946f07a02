// Worker thread entry of the in-app Service-Public.fr import: the conversion of thousands of XML files runs
// away from the thread that answers the window.
import { parentPort, workerData } from 'node:worker_threads';
import type { ImportReport } from './service-public/import';
import { importServicePublic } from './service-public/import';

export interface ImportRequest {
  from: string;
  outDir: string;
}

export type ImportMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; report: ImportReport }
  | { type: 'error'; message: string };

const request = workerData as ImportRequest;
const post = (message: ImportMessage) => parentPort?.postMessage(message);
importServicePublic({ ...request, onProgress: (done, total) => post({ type: 'progress', done, total }) })
  .then((report) => post({ type: 'done', report }))
  .catch((error: unknown) =>
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
