// The editor's access to the content folder: safe paths, versions (the hash of a file's bytes), and the atomic
// write through a hidden temporary file in the same folder, so that neither the folder's watcher nor another
// editor ever reads half a file.
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';

/** sha-256 of a file's bytes, hex: the version an editor opened, sent back to detect a change on disk. */
export function versionOf(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The absolute path of `path` (relative, forward slashes), refusing anything that leaves the content folder. */
export function contentPath(contentDir: string, path: string): string {
  const full = resolve(contentDir, ...path.split('/'));
  const rel = relative(resolve(contentDir), full);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
    throw new Error(`path outside the content folder: ${path}`);
  }
  return full;
}

export interface DiskFile {
  text: string;
  version: string;
}

/** The file as it is on disk now, or null when it does not exist. */
export function readDiskFile(contentDir: string, path: string): DiskFile | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(contentPath(contentDir, path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return { text: bytes.toString('utf8'), version: versionOf(bytes) };
}

export function diskFileExists(contentDir: string, path: string): boolean {
  return existsSync(contentPath(contentDir, path));
}

/**
 * Writes `text` to a hidden temporary file next to the target (same folder, so the rename stays on one file
 * system and is atomic), flushed to disk, and returns the step that puts it in place. The caller runs `commit`
 * last inside its database transaction, after the audit row: if the rename fails, the transaction rolls back and
 * no audit row claims a change that did not happen. `discard` removes the temporary file when the caller gives up.
 */
export function prepareAtomicWrite(
  contentDir: string,
  path: string,
  text: string,
): { commit: () => void; discard: () => void } {
  const target = contentPath(contentDir, path);
  mkdirSync(dirname(target), { recursive: true });
  // A random suffix: two windows saving the same file never share a temporary file. The leading dot keeps the
  // watcher and the content reader away from it (isContentPath skips hidden files).
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temporary, 'wx');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  let done = false;
  return {
    commit: () => {
      renameSync(temporary, target);
      done = true;
    },
    discard: () => {
      if (!done) rmSync(temporary, { force: true });
    },
  };
}
