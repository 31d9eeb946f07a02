import { lstatSync, mkdirSync, realpathSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';
import type { ImportJobStatus } from '../../../common/contract';
import { RefusedError, UnavailableError } from '../errors';
import { isInside } from '../knowledge/content-files';
import { startWorker } from '../worker-thread';
import type { ImportMessage, ImportRequest } from './import-worker';
import { formatSummary } from './service-public/import';

/** Where the national fiches go inside the content folder, so the watcher indexes them as they land. */
export const NATIONAL_FOLDER = 'national';

/** The folder of the data folder the window's import reads from, unless the installation names another. */
export const IMPORTS_FOLDER = 'imports';

/**
 * The real path of `from` if it lies inside `root` (itself resolved), symbolic links included; otherwise a
 * RefusedError whose French message is the same whether the outside path exists or not, so the window cannot be
 * used to probe the disk. A relative path is taken inside `root`. A path that does not exist inside the root is
 * let through: the import then says it does not exist.
 */
export function resolveImportPath(root: string, from: string): string {
  const refused = () =>
    new RefusedError(
      `L'import ne lit que les archives et dossiers placés dans le dossier d'import « ${root} » : ` +
        `copiez-y l'archive ou le dossier, puis indiquez son chemin.`,
    );
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    throw refused();
  }
  const full = isAbsolute(from) ? resolve(from) : resolve(root, from);
  // Lexically outside: refused before the disk is even looked at.
  if (!isInside(resolve(root), full) && !isInside(realRoot, full)) throw refused();
  // The deepest part that exists is resolved by the system (links, « .. » through links); the rest is appended.
  let existing = full;
  const rest: string[] = [];
  for (;;) {
    try {
      lstatSync(existing);
      break;
    } catch {
      const parent = resolve(existing, '..');
      if (parent === existing) throw refused();
      rest.unshift(basename(existing));
      existing = parent;
    }
  }
  let real: string;
  try {
    real = join(realpathSync(existing), ...rest);
  } catch {
    throw refused();
  }
  if (!isInside(realRoot, real)) throw refused();
  return real;
}

/**
 * The Service-Public.fr import started from the window: one at a time, in a worker thread, its progress
 * polled by the window. The content folder's watcher picks up the written fiches and rebuilds the index.
 */
export class ImportJob {
  private status: ImportJobStatus = { state: 'idle', progress: null };

  /**
   * `importRoot`: the only folder the import may read from (archives and folders below it), created if missing;
   * a window must not make the app read, or reveal, any file of the machine.
   */
  constructor(
    private readonly contentDir: string,
    private readonly workerFile: string | undefined,
    readonly importRoot: string,
  ) {
    try {
      mkdirSync(importRoot, { recursive: true });
    } catch (error) {
      console.warn('[import] cannot create the import folder:', error);
    }
  }

  current(): ImportJobStatus {
    return this.status;
  }

  start(from: string): ImportJobStatus {
    if (!this.workerFile)
      throw new UnavailableError("L'import n'est pas disponible dans cette installation.");
    if (this.status.state === 'running') throw new UnavailableError('Un import est déjà en cours.');
    const request: ImportRequest = {
      from: resolveImportPath(this.importRoot, from),
      outDir: join(this.contentDir, NATIONAL_FOLDER),
    };
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
