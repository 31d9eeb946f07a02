// Brings an output folder in line with the files an import produced: writes only what changed (an identical
// file is not touched, so its mtime stays), deletes only the files the importer itself wrote earlier
// (`isOwned`), never touches any other file. Shared by the Service-Public.fr and Annuaire imports.
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface GeneratedFile {
  /** File name inside the folder (no sub-folder). */
  name: string;
  text: string;
}

export interface SyncResult {
  created: string[];
  updated: string[];
  unchanged: string[];
  deleted: string[];
  /** Files that should have been written but already exist and are not the importer's: left alone. */
  conflicts: string[];
}

export interface SyncOptions {
  /** Whether an existing file was written by the importer (and so may be rewritten or deleted). */
  isOwned: (name: string, text: string) => boolean;
  /** Computes the result without writing or deleting anything. */
  dryRun?: boolean;
  /** Owned files to keep although the import produced nothing for them this time (their source was broken). */
  keep?: ReadonlySet<string>;
}

/** Writes through a hidden temporary file, so that a watcher of the folder never reads half a file. */
function writeAtomically(dir: string, name: string, text: string): void {
  const temporary = join(dir, `.${name}.tmp`);
  writeFileSync(temporary, text);
  renameSync(temporary, join(dir, name));
}

/** Synchronises the `.md` files directly in `dir` (created if needed) with `files`. */
export function syncGeneratedFiles(
  dir: string,
  files: readonly GeneratedFile[],
  options: SyncOptions,
): SyncResult {
  const { isOwned, dryRun = false, keep = new Set<string>() } = options;
  const result: SyncResult = { created: [], updated: [], unchanged: [], deleted: [], conflicts: [] };
  const existing = new Map<string, string>();
  if (existsSync(dir)) {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isFile() && entry.name.toLowerCase().endsWith('.md') && !entry.name.startsWith('.')) {
        existing.set(entry.name, readFileSync(join(dir, entry.name), 'utf8'));
      }
    }
  } else if (!dryRun) {
    mkdirSync(dir, { recursive: true });
  }

  const wanted = new Set<string>();
  for (const file of files) {
    if (!/^[^/\\.][^/\\]*\.md$/.test(file.name) || wanted.has(file.name)) {
      throw new Error(`Nom de fichier invalide ou en double : « ${file.name} »`);
    }
    wanted.add(file.name);
    const current = existing.get(file.name);
    if (current === undefined) {
      if (!dryRun) writeAtomically(dir, file.name, file.text);
      result.created.push(file.name);
    } else if (current === file.text) {
      result.unchanged.push(file.name);
    } else if (!isOwned(file.name, current)) {
      result.conflicts.push(file.name);
    } else {
      if (!dryRun) writeAtomically(dir, file.name, file.text);
      result.updated.push(file.name);
    }
  }
  for (const [name, text] of existing) {
    if (wanted.has(name) || keep.has(name) || !isOwned(name, text)) continue;
    if (!dryRun) rmSync(join(dir, name));
    result.deleted.push(name);
  }
  for (const list of Object.values(result)) list.sort();
  return result;
}
