// The editor's access to the content folder: safe paths, versions (the hash of a file's bytes), and the atomic
// write through a hidden temporary file in the same folder, so that neither the folder's watcher nor another
// editor ever reads half a file.
import { randomBytes } from 'node:crypto';
import { sha256Of } from '../hash';
import type { Dirent } from 'node:fs';
import {
  closeSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isInside, unportableNameReason } from '../knowledge/content-files';
import { RefusedError } from '../errors';
import { KeyedQueue } from '../keyed-queue';

/**
 * The real absolute path of `path` (relative, forward slashes) inside the content folder. Refused, with a French
 * message (RefusedError): a path that climbs out of the folder, a file name that is not portable (CON, NUL, a
 * trailing dot, « : »…), and a path whose real location (symbolic links resolved) is outside the folder or in a
 * loop of links. Reads and writes go to the returned real path, so no link ever leads them out of the folder.
 */
export function contentPath(contentDir: string, path: string): string {
  const parts = path.split('/');
  if (path === '' || parts.some((part) => part === '..' || part === '.' || part === '')) {
    throw new RefusedError(`Le chemin « ${path} » sort du dossier de contenu : il est refusé.`);
  }
  for (const part of parts) {
    const reason = unportableNameReason(part);
    if (reason) throw new RefusedError(`Nom de fichier refusé : ${reason}.`);
  }
  let root: string;
  try {
    root = realpathSync(contentDir);
  } catch {
    throw new RefusedError(`Le dossier de contenu « ${contentDir} » est introuvable.`);
  }
  // The deepest part that exists is resolved by the system; the parts still to be created are appended to it.
  let real = root;
  for (let i = 0; i < parts.length; i++) {
    const next = join(real, parts[i] as string);
    let exists = true;
    try {
      lstatSync(next);
    } catch {
      exists = false;
    }
    if (!exists) {
      real = join(next, ...parts.slice(i + 1));
      break;
    }
    try {
      real = realpathSync(next);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ELOOP') {
        throw new RefusedError(
          `Le chemin « ${path} » passe par un lien symbolique en boucle : il est refusé.`,
        );
      }
      // A dangling link: whatever it would create lies where the link points, which is not known to be inside.
      throw new RefusedError(
        `Le chemin « ${path} » passe par un lien symbolique qui ne mène nulle part : il est refusé.`,
      );
    }
    if (!isInside(root, real)) {
      throw new RefusedError(
        `Le chemin « ${path} » passe par un lien symbolique qui sort du dossier de contenu : il est refusé.`,
      );
    }
  }
  if (real === root) throw new RefusedError(`Le chemin « ${path} » ne désigne pas un fichier.`);
  return real;
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
  return { text: bytes.toString('utf8'), version: sha256Of(bytes) };
}

export function diskFileExists(contentDir: string, path: string): boolean {
  try {
    lstatSync(contentPath(contentDir, path));
    return true;
  } catch (error) {
    if (error instanceof RefusedError) throw error;
    return false;
  }
}

/**
 * Writes `text` to a hidden temporary file next to the target (same folder, so the rename stays on one file
 * system and is atomic), flushed to disk (unless `flush: false`: a desk's mirror checks every file's hash again
 * after a restart and fetches a damaged one anew, and thousands of flushes would double a first sync), and returns the step that puts it in place. The caller runs `commit`
 * last inside its database transaction, after the audit row: if the rename fails, the transaction rolls back and
 * no audit row claims a change that did not happen. `discard` removes the temporary file when the caller gives up.
 */
export function prepareAtomicWrite(
  contentDir: string,
  path: string,
  text: string | Uint8Array,
  options: { flush?: boolean } = {},
): { commit: () => void; discard: () => void } {
  const target = contentPath(contentDir, path);
  mkdirSync(dirname(target), { recursive: true });
  // A random suffix: two windows saving the same file never share a temporary file. The leading dot keeps the
  // watcher and the content reader away from it (isContentPath skips hidden files).
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temporary, 'wx');
  try {
    // Bytes as they are (a desk's mirror writes what the server sent, checked by its hash), or text as UTF-8.
    if (typeof text === 'string') writeSync(fd, text);
    else writeSync(fd, text);
    if (options.flush !== false) fsyncSync(fd);
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

/** The writes running per content folder, one after the other (see `oneWriteAtATime`). */
const writing = new KeyedQueue<string>();

/**
 * Runs `work` once every write of `contentDir` started before it in this process has ended. The editors' files are
 * on this process's disk, not in the database: a database transaction cannot keep two saves from reading the same
 * version of a file and both writing it (PostgreSQL runs transactions side by side; on SQLite an await lets
 * another call run in between). So every read-check-write of the content folder runs inside this. Not reentrant:
 * `work` must not call it again.
 */
export function oneWriteAtATime<T>(contentDir: string, work: () => Promise<T>): Promise<T> {
  return writing.run(contentDir, work);
}

/** The name of the atomic write's temporary file: « .name.md.0123456789ab.tmp ». */
const LEFTOVER = /^\..+\.[0-9a-f]{12}\.tmp$/;

/** A save takes milliseconds: a temporary file older than this was left by a process that was killed. */
export const LEFTOVER_AGE_MS = 60_000;

/**
 * Removes the temporary files a killed save left in the content folder (hidden, so never read, but never cleaned
 * either), at start. Only those older than LEFTOVER_AGE_MS, so a save running in another window is left alone.
 * Links are not followed. Returns the paths removed, relative to the folder.
 */
export function removeLeftoverTemporaries(contentDir: string, now = Date.now()): string[] {
  const removed: string[] = [];
  const walk = (dir: string, rel: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = join(dir, entry.name);
      const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) {
        walk(full, path);
      } else if (entry.isFile() && LEFTOVER.test(entry.name)) {
        try {
          if (now - lstatSync(full).mtimeMs < LEFTOVER_AGE_MS) continue;
          rmSync(full, { force: true });
          removed.push(path);
        } catch {
          // Removed meanwhile, or not ours to remove: nothing to clean.
        }
      }
    }
  };
  walk(contentDir, '');
  return removed;
}
