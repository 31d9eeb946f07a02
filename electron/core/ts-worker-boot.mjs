// Lets a worker thread run a TypeScript entry during development and tests (tsx), where no bundle exists.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.__entry);
