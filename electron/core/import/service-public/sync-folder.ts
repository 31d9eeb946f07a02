// Brings the output folder in line with an import: writes only the files whose content changed (an identical
// file is not touched, so its mtime stays), deletes the national fiches gone upstream, and never touches a
// file the importer does not own (one whose front-matter does not say `origine: national`).
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isNationalFile } from './xml-to-fiche';

export interface OutputFile {
  /** File name directly inside the folder, e.g. `F1344.md`. */
  name: string;
  text: string;
}

export interface SyncCounts {
  created: string[];
  updated: string[];
  unchanged: string[];
  deleted: string[];
  /** Names the import wanted to write but that belong to a file of the commune: left as they are. */
  conflicts: string[];
}

export interface SyncOptions {
  /**
   * Names of national files to keep even though the import produced nothing for them this time: the fiches
   * whose XML was broken. Their last good version stays rather than vanishing from the desks.
   */
  keep?: ReadonlySet<string>;
}

/** Writes through a hidden temporary file (ignored by the content reader), so no one reads half a fiche. */
function writeAtomically(dir: string, name: string, text: string): void {
  const temporary = join(dir, `.${name}.tmp`);
  writeFileSync(temporary, text);
  renameSync(temporary, join(dir, name));
}

/** Synchronises the `.md` files directly in `dir` (created if needed) with `files`; sub-folders are left alone. */
export function syncFolder(dir: string, files: readonly OutputFile[], options: SyncOptions = {}): SyncCounts {
  const keep = options.keep ?? new Set<string>();
  const counts: SyncCounts = { created: [], updated: [], unchanged: [], deleted: [], conflicts: [] };
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });

  const existing = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && entry.name.toLowerCase().endsWith('.md') && !entry.name.startsWith('.')) {
      existing.set(entry.name, readFileSync(join(dir, entry.name), 'utf8'));
    }
  }

  const wanted = new Set<string>();
  for (const file of files) {
    if (!/^[^/\\.][^/\\]*\.md$/.test(file.name) || wanted.has(file.name)) {
      throw new Error(`nom de fichier invalide ou en double : « ${file.name} »`);
    }
    wanted.add(file.name);
    const current = existing.get(file.name);
    if (current === undefined) {
      writeAtomically(dir, file.name, file.text);
      counts.created.push(file.name);
    } else if (current === file.text) {
      // Same bytes as the import's: necessarily a national fiche, and nothing to do.
      counts.unchanged.push(file.name);
    } else if (!isNationalFile(current)) {
      counts.conflicts.push(file.name);
    } else {
      writeAtomically(dir, file.name, file.text);
      counts.updated.push(file.name);
    }
  }

  for (const [name, text] of existing) {
    if (wanted.has(name) || keep.has(name) || !isNationalFile(text)) continue;
    rmSync(join(dir, name));
    counts.deleted.push(name);
  }
  for (const list of Object.values(counts)) list.sort();
  return counts;
}
