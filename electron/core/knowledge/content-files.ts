import type { Hash } from 'node:crypto';
import { createHash } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { runAtOnce } from '../steps';

export interface ContentFile {
  /** Path relative to the content folder, with forward slashes. */
  path: string;
  text: string;
  /**
   * Why the file (or folder) was not read: a link out of the folder or in a loop, a file too large, an unreadable
   * one. The parser reports it as a content problem and skips the entry; `text` is then empty.
   */
  problem?: string;
}

export interface ContentSnapshot {
  files: ContentFile[];
  /** Hash of every path and byte: the persisted index is valid only for the same hash. */
  hash: string;
  /**
   * Each file's size, times and inode when it was read: given back to the next read (`previous`), a file whose
   * stamp has not changed keeps the text already read.
   */
  stamps?: ReadonlyMap<string, string>;
  /** How many files this read took from the disk (the others were unchanged since `previous`). */
  filesRead?: number;
}

export const SYNONYMS_FILE = 'synonymes.yml';
export const THEMES_FILE = 'themes.yml';

/** A content file larger than this is reported and skipped: parsing 50 MB would freeze the process. */
export const MAX_CONTENT_FILE_BYTES = 2 * 1024 * 1024;

/** Whether a path (relative, forward slashes) is part of the knowledge base. */
export function isContentPath(path: string): boolean {
  const parts = path.split('/');
  if (parts.some((part) => part.startsWith('.') || part === 'node_modules')) return false;
  const name = parts[parts.length - 1] ?? '';
  if (parts.length === 1 && (name === SYNONYMS_FILE || name === THEMES_FILE)) return true;
  return name.toLowerCase().endsWith('.md') && name.toLowerCase() !== 'readme.md';
}

/** Whether a folder (relative path) may hold content: hidden folders and node_modules are never walked. */
function isContentFolder(path: string): boolean {
  return !path.split('/').some((part) => part.startsWith('.') || part === 'node_modules');
}

/** Line endings as Windows (CRLF) or old Mac (CR) editors write them, and a UTF-8 BOM, read like LF files. */
export function normalizeNewlines(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

// Names Windows reserves for devices, with or without an extension (« CON », « nul.md », « COM1.txt »).
const DEVICE_NAME = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/i;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
const UNPORTABLE_CHARACTER = /[<>:"|?*\\/\u0000-\u001f\u007f]/;

/** Whether `name` is one Windows reserves for a device (« CON », « nul.md »…). */
export function isWindowsDeviceName(name: string): boolean {
  return DEVICE_NAME.test(name);
}

/**
 * Why `name` (one file or folder name, or an id that becomes one) cannot be a file on every desk's system, in
 * French; null when it can. Content folders are shared between Windows and Linux machines.
 */
export function unportableNameReason(name: string): string | null {
  if (name === '' || name === '.' || name === '..') return `le nom « ${name} » n'est pas un nom de fichier`;
  if (UNPORTABLE_CHARACTER.test(name))
    return `le nom « ${printable(name)} » contient un caractère interdit dans un nom de fichier (< > : " | ? * \\ / ou un caractère de contrôle)`;
  if (/[. ]$/.test(name)) return `le nom « ${name} » ne peut pas finir par un point ou une espace`;
  if (DEVICE_NAME.test(name))
    return `le nom « ${name} » est réservé par Windows (CON, PRN, AUX, NUL, COM1…, LPT1…) : choisissez-en un autre`;
  return null;
}

function printable(name: string): string {
  // eslint-disable-next-line no-control-regex -- shown as « ? » so the message stays readable
  return name.replace(/[\u0000-\u001f\u007f]/g, '?');
}

/** Whether `child` (an absolute, real path) is `root` or below it. */
export function isInside(root: string, child: string): boolean {
  const rel = relative(root, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

export class ContentFolderError extends Error {}

const OUTSIDE = 'lien symbolique vers un emplacement hors du dossier de contenu : il est ignoré';
const LOOP = 'lien symbolique en boucle (il mène à un dossier qui le contient) : il est ignoré';

/**
 * Reads every content file below `dir`, subfolders included, in a stable order. Symbolic links are followed only
 * while they stay inside the folder (checked on their real path); a link out of it, a link in a loop and a file
 * larger than MAX_CONTENT_FILE_BYTES become entries with a `problem`, reported by the parser, never fatal.
 */
export function readContentFolder(dir: string, previous?: ContentSnapshot): ContentSnapshot {
  return runAtOnce(contentFolderInSteps(dir, previous));
}

/** Files read (and hashed) per step of `contentFolderInSteps`: a few milliseconds each. */
const FILES_PER_STEP = 100;

/**
 * `readContentFolder` in steps: the walk, then FILES_PER_STEP files read and hashed per step. A rebuild reads
 * the folder this way, the window answered between the steps: the national fiches' 3,000 files, read at once,
 * stopped the main thread for a third of a second.
 *
 * Given the `previous` read, a file whose stamp (size, modification and change times, inode) is the same keeps
 * its text: after a save, reading the national fiches' 27 million characters again made as many new strings,
 * which the young-generation collections then copied, 20–45 ms at a time, while the desk was searching. The
 * change time cannot be set back by a tool that restores the modification time, so an edit is always seen.
 */
export function* contentFolderInSteps(
  dir: string,
  previous?: ContentSnapshot,
): Generator<void, ContentSnapshot> {
  let stat;
  try {
    stat = statSync(dir);
  } catch {
    throw new ContentFolderError(`Le dossier de contenu « ${dir} » n'existe pas.`);
  }
  if (!stat.isDirectory()) throw new ContentFolderError(`« ${dir} » n'est pas un dossier.`);
  const root = realpathSync(dir);
  const found: Array<{ path: string; real: string } | ContentFile> = [];
  // Each folder is walked once, by its real path: a link back to a folder already being walked is a loop.
  const walked = new Set<string>([root]);

  const walk = (realDir: string, relDir: string, ancestors: ReadonlySet<string>): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(realDir, { withFileTypes: true }).sort((a, b) =>
        a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
      );
    } catch (error) {
      if (relDir !== '') found.push({ path: relDir, text: '', problem: unreadable(error) });
      return;
    }
    for (const entry of entries) {
      const path = relDir === '' ? entry.name : `${relDir}/${entry.name}`;
      const full = join(realDir, entry.name);
      let real = full;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        if (!isContentFolder(path)) continue;
        try {
          real = realpathSync(full);
          const target = statSync(real);
          isDir = target.isDirectory();
          isFile = target.isFile();
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'ELOOP') found.push({ path, text: '', problem: LOOP });
          // A dangling link is no content: nothing to read, nothing to report.
          continue;
        }
        if (!isDir && !isContentPath(path)) continue;
        if (!isInside(root, real)) {
          found.push({ path, text: '', problem: OUTSIDE });
          continue;
        }
        if (isDir && ancestors.has(real)) {
          found.push({ path, text: '', problem: LOOP });
          continue;
        }
      }
      if (isDir) {
        if (!isContentFolder(path) || walked.has(real)) continue;
        walked.add(real);
        walk(real, path, new Set([...ancestors, real]));
      } else if (isFile && isContentPath(path)) {
        found.push({ path, real });
      }
    }
  };
  walk(root, '', new Set([root]));

  found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const known = knownTexts(previous);
  const hash = createHash('sha256');
  const files: ContentFile[] = [];
  const stamps = new Map<string, string>();
  let filesRead = 0;
  for (const item of found) {
    let file: ContentFile;
    if ('real' in item) {
      const read = readOne(item.path, item.real, known);
      file = read.file;
      if (read.stamp !== undefined) stamps.set(item.path, read.stamp);
      if (read.fromDisk) filesRead++;
    } else file = item;
    files.push(file);
    hashFile(hash, file);
    if (files.length % FILES_PER_STEP === 0) yield;
  }
  return { files, hash: hash.digest('hex'), stamps, filesRead };
}

/** The texts of `previous` by path, with their stamps. */
type KnownTexts = Map<string, { stamp: string; text: string }>;

function knownTexts(previous: ContentSnapshot | undefined): KnownTexts {
  const known: KnownTexts = new Map();
  const stamps = previous?.stamps;
  if (!previous || !stamps) return known;
  for (const file of previous.files) {
    const stamp = stamps.get(file.path);
    if (stamp !== undefined && file.problem === undefined) known.set(file.path, { stamp, text: file.text });
  }
  return known;
}

/**
 * The content version of files sorted by path: what a persisted index is keyed by. A desk's mirror computes it
 * for the files it is about to put in place, to know whether the server's index fits them.
 */
export function contentHashOf(files: readonly ContentFile[]): string {
  const hash = createHash('sha256');
  for (const file of files) hashFile(hash, file);
  return hash.digest('hex');
}

function hashFile(hash: Hash, file: ContentFile): void {
  if (file.problem !== undefined) hash.update(file.path).update('\0!').update(file.problem).update('\0');
  else hash.update(file.path).update('\0').update(file.text).update('\0');
}

/** A file read, or taken from `known` when its stamp has not changed. */
function readOne(
  path: string,
  real: string,
  known: KnownTexts,
): { file: ContentFile; stamp?: string; fromDisk: boolean } {
  try {
    // The size is checked before reading: a huge file is never loaded.
    const stat = lstatSync(real);
    const size = stat.size;
    if (size > MAX_CONTENT_FILE_BYTES) {
      const mo = (size / (1024 * 1024)).toFixed(1).replace('.', ',');
      const problem = `fichier trop volumineux (${mo} Mo, au plus ${MAX_CONTENT_FILE_BYTES / (1024 * 1024)} Mo) : il est ignoré`;
      return { file: { path, text: '', problem }, fromDisk: false };
    }
    const stamp = `${size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}`;
    const before = known.get(path);
    if (before?.stamp === stamp) return { file: { path, text: before.text }, stamp, fromDisk: false };
    return { file: { path, text: readFileSync(real).toString('utf8') }, stamp, fromDisk: true };
  } catch (error) {
    return { file: { path, text: '', problem: unreadable(error) }, fromDisk: false };
  }
}

function unreadable(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EACCES' || code === 'EPERM'
    ? 'fichier ou dossier illisible (accès refusé) : il est ignoré'
    : `fichier ou dossier illisible (${code ?? 'erreur inconnue'}) : il est ignoré`;
}
