import { join } from 'node:path';
import type { ImportJobStatus } from '../../../common/contract';
import { UnavailableError } from '../errors';
import { startWorker } from '../worker-thread';
import type { ImportMessage, ImportRequest } from './import-worker';
import { formatSummary } from './service-public/import';

/** Where the national fiches go inside the content folder, so the watcher indexes them as they land. */
export const NATIONAL_FOLDER = 'national';

/**
 * The Service-Public.fr import started from the window: one at a time, in a worker thread, its progress
 * polled by the window. The content folder's watcher picks up the written fiches and rebuilds the index.
 */
export class ImportJob {
  private status: ImportJobStatus = { state: 'idle', progress: null };

  constructor(
    private readonly contentDir: string,
    private readonly workerFile: string | undefined,
  ) {}

  current(): ImportJobStatus {
    return this.status;
  }

  start(from: string): ImportJobStatus {
    if (!this.workerFile)
      throw new UnavailableError("L'import n'est pas disponible dans cette installation.");
    if (this.status.state === 'running') throw new UnavailableError('Un import est déjà en cours.');
    const request: ImportRequest = { from, outDir: join(this.contentDir, NATIONAL_FOLDER) };
    this.status = { state: 'running', from, progress: { done: 0, total: 0 } };
    const worker = startWorker(this.workerFile, request);
    const finish = (status: ImportJobStatus) => {
      this.status = status;
      void worker.terminate();
    };
    worker.on('message', (message: ImportMessage) => {
      if (message.type === 'progress')
        this.status = { ...this.status, progress: { done: message.done, total: message.total } };
      else if (message.type === 'done') {
        const { report } = message;
        finish({
          state: 'done',
          from,
          progress: null,
          summary: formatSummary(report),
          errors: report.errors.slice(0, 200),
        });
      } else finish({ state: 'error', from, progress: null, error: message.message });
    });
    worker.on('error', (error) => finish({ state: 'error', from, progress: null, error: error.message }));
    return this.status;
  }
}
