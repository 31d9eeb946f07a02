// The Service-Public.fr import as the window shows it: progress wording and what screen readers are told.
// Pure, unit-tested under Node.
import type { ImportJobStatus } from '../../../../common/contract';

/** How often the import page asks the core where a running import is. */
export const IMPORT_POLL_MS = 500;

/** The core keeps at most this many skipped files in the status. */
export const MAX_LISTED_ERRORS = 200;

export type ImportProgress = ImportJobStatus['progress'];

/** True once the archive is read and the fiches are being converted. */
export function hasKnownTotal(progress: ImportProgress): progress is { done: number; total: number } {
  return progress !== null && progress.total > 0;
}

/** « 120 / 3 000 fiches converties », or the reading of the archive before its size is known. */
export function progressText(progress: ImportProgress): string {
  if (!hasKnownTotal(progress)) return "Lecture de l'archive…";
  const done = Math.min(progress.done, progress.total);
  if (done === progress.total) return `${done} / ${progress.total} fiches converties, écriture des fiches…`;
  return `${done} / ${progress.total} fiches converties`;
}

/** Whole percent done, never 100 before every fiche is converted. */
export function progressPercent(progress: ImportProgress): number | null {
  if (!hasKnownTotal(progress)) return null;
  const ratio = Math.min(progress.done, progress.total) / progress.total;
  return progress.done >= progress.total ? 100 : Math.min(99, Math.floor(ratio * 100));
}

/**
 * What the page's live region says. The progress is told by steps of 10 % only: the status is polled twice a
 * second, and a screen reader fed every step would read nothing else.
 */
export function announcement(status: ImportJobStatus | null): string {
  if (!status) return '';
  switch (status.state) {
    case 'idle':
      return '';
    case 'running': {
      const percent = progressPercent(status.progress);
      if (percent === null) return "Import en cours : lecture de l'archive.";
      return `Import en cours : ${Math.floor(percent / 10) * 10} % des fiches converties.`;
    }
    case 'done':
      return status.summary ?? 'Import terminé.';
    case 'error':
      return `L'import a échoué : ${status.error ?? 'cause inconnue'}`;
  }
}

/** « 1 fichier ignoré », « 12 fichiers ignorés ». */
export function skippedLabel(count: number): string {
  return count >= 2 ? `${count} fichiers ignorés` : `${count} fichier ignoré`;
}
