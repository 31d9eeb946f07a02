import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface ContentFile {
  /** Path relative to the content folder, with forward slashes. */
  path: string;
  text: string;
}

export interface ContentSnapshot {
  files: ContentFile[];
  /** Hash of every path and byte: the persisted index is valid only for the same hash. */
  hash: string;
}

export const SYNONYMS_FILE = 'synonymes.yml';
export const THEMES_FILE = 'themes.yml';

/** Whether a path (relative, forward slashes) is part of the knowledge base. */
export function isContentPath(path: string): boolean {
  const parts = path.split('/');
  if (parts.some((part) => part.startsWith('.') || part === 'node_modules')) return false;
  const name = parts[parts.length - 1] ?? '';
  if (parts.length === 1 && (name === SYNONYMS_FILE || name === THEMES_FILE)) return true;
  return name.toLowerCase().endsWith('.md') && name.toLowerCase() !== 'readme.md';
}

export class ContentFolderError extends Error {}

/** Reads every content file below `dir`, subfolders included, in a stable order. */
export function readContentFolder(dir: string): ContentSnapshot {
  let stat;
  try {
    stat = statSync(dir);
  } catch {
    throw new ContentFolderError(`Le dossier de contenu « ${dir} » n'existe pas.`);
  }
  if (!stat.isDirectory()) throw new ContentFolderError(`« ${dir} » n'est pas un dossier.`);
  const paths = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((entry) => entry.split(sep).join('/'))
    .filter(isContentPath)
    .sort();
  const hash = createHash('sha256');
  const files: ContentFile[] = [];
  for (const path of paths) {
    const full = join(dir, path);
    if (!statSync(full).isFile()) continue;
    const bytes = readFileSync(full);
    hash.update(path).update('\0').update(bytes).update('\0');
    files.push({ path: relative(dir, full).split(sep).join('/'), text: bytes.toString('utf8') });
  }
  return { files, hash: hash.digest('hex') };
}
