// The national fiches' folder: the importer owns the files whose front-matter says `origine: national`.
import type { GeneratedFile, SyncResult } from '../sync-folder';
import { syncGeneratedFiles } from '../sync-folder';
import { isNationalFile } from './xml-to-fiche';

export type OutputFile = GeneratedFile;
export type SyncCounts = SyncResult;

export interface SyncOptions {
  /**
   * Names of national files to keep even though the import produced nothing for them this time: the fiches
   * whose XML was broken. Their last good version stays rather than vanishing from the desks.
   */
  keep?: ReadonlySet<string>;
}

/** Synchronises the `.md` files directly in `dir` (created if needed) with `files`; sub-folders are left alone. */
export function syncFolder(dir: string, files: readonly OutputFile[], options: SyncOptions = {}): SyncCounts {
  return syncGeneratedFiles(dir, files, {
    isOwned: (_name, text) => isNationalFile(text),
    keep: options.keep,
  });
}
