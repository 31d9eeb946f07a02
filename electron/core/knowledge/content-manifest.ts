// The content folder as a list of files and their sha-256: what the city server publishes to its desks and what a
// desk compares its mirror with. Hashes are cached by path, modification time and size, so listing a folder of
// thousands of fiches again after one save reads one file, not all of them.
import { sha256Of } from '../hash';
import type { Dirent } from 'node:fs';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isContentPath, MAX_CONTENT_FILE_BYTES } from './content-files';

export interface ManifestFile {
  /** Relative to the content folder, forward slashes. */
  path: string;
  sha256: string;
  size: number;
}

interface Cached {
  mtimeMs: number;
  size: number;
  sha256: string;
}

/**
 * Lists the content files below a folder with their hashes. Symbolic links are not followed and files over
 * MAX_CONTENT_FILE_BYTES are left out: what is published is plain files inside the folder, nothing else (a
 * link inside the folder is the server's own business; desks receive the files it leads to only if they are
 * also present as plain files).
 */
export class ContentHasher {
  private cache = new Map<string, Cached>();

  constructor(private readonly dir: string) {}

  list(): ManifestFile[] {
    const files: ManifestFile[] = [];
    const seen = new Map<string, Cached>();
    const walk = (full: string, rel: string): void => {
      let entries: Dirent[];
      try {
        entries = readdirSync(full, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
        if (entry.isDirectory()) {
          if (!entry.name.startsWith('.') && entry.name !== 'node_modules')
            walk(join(full, entry.name), path);
        } else if (entry.isFile() && isContentPath(path)) {
          const file = this.hashOne(join(full, entry.name), path);
          if (!file) continue;
          seen.set(path, file);
          files.push({ path, sha256: file.sha256, size: file.size });
        }
      }
    };
    walk(this.dir, '');
    // Forgotten paths leave the cache: it never holds more than the folder does.
    this.cache = seen;
    return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  private hashOne(full: string, path: string): Cached | undefined {
    try {
      const stat = statSync(full);
      if (stat.size > MAX_CONTENT_FILE_BYTES) return undefined;
      const cached = this.cache.get(path);
      if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached;
      const bytes = readFileSync(full);
      return { mtimeMs: stat.mtimeMs, size: bytes.length, sha256: sha256Of(bytes) };
    } catch {
      // Removed or unreadable meanwhile: not published this time.
      return undefined;
    }
  }
}
