import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { ANALYZER_VERSION } from './analyzer';
import type { SearchData } from './search-data';
import { SEARCH_DATA_FORMAT } from './search-data';

export function indexFile(dataDir: string): string {
  return join(dataDir, 'index', 'search-index.json');
}

// The shape the engine relies on when it loads a persisted index: a file of the right version but damaged (cut,
// edited, written by a faulty build) is rebuilt instead of stopping the start. Entries are checked as far as
// the engine reads them without further checks; lunr's own fields pass through. The indexes hold hundreds of
// thousands of entries: they are checked by plain loops, which cost milliseconds.
function isLunrIndex(value: unknown): boolean {
  if (!value || typeof value !== 'object') return false;
  const index = value as Record<string, unknown>;
  const { fields, fieldVectors, invertedIndex } = index;
  if (!Array.isArray(fields) || !fields.every((field) => typeof field === 'string')) return false;
  if (!Array.isArray(fieldVectors) || !Array.isArray(invertedIndex)) return false;
  for (const entry of fieldVectors as unknown[]) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !Array.isArray(entry[1])) return false;
    for (const n of entry[1] as unknown[]) if (typeof n !== 'number') return false;
  }
  for (const entry of invertedIndex as unknown[]) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string') return false;
    const posting = entry[1] as { _index?: unknown } | null;
    if (!posting || typeof posting !== 'object' || typeof posting._index !== 'number') return false;
  }
  return true;
}
const lunrIndex = z.custom<object>(isLunrIndex);
const list = z.array(z.looseObject({}));
const searchData = z.looseObject({
  format: z.literal(SEARCH_DATA_FORMAT),
  analyzerVersion: z.literal(ANALYZER_VERSION),
  contentHash: z.string(),
  builtAt: z.string(),
  knowledge: z.looseObject({
    fiches: list,
    contacts: list,
    themes: list,
    synonyms: z.array(z.array(z.string())),
    problems: list,
  }),
  fichesIndex: lunrIndex,
  contactsIndex: lunrIndex,
  snippets: z.object({
    terms: z.array(z.string()),
    docs: z.record(z.string(), z.tuple([z.string(), z.string()])),
  }),
  surface: z.record(z.string(), z.string()),
  words: z.record(z.string(), z.string()),
});

/** Whether parsed JSON has the structure of search data the engine can load. */
export function isSearchData(value: unknown): value is SearchData {
  return searchData.safeParse(value).success;
}

/** What a persisted index says of itself in its first bytes: enough to tell whether it fits a content version. */
export interface IndexHeader {
  format: number;
  analyzerVersion: number;
  contentHash: string;
}

// JSON.stringify writes the keys in the order SearchData is built (index-build.ts): format, analyzerVersion and
// contentHash come first, so they are read without parsing tens of megabytes.
const HEADER = /^\{"format":(\d+),"analyzerVersion":(\d+),"contentHash":("(?:[^"\\]|\\.)*")/;
const HEADER_BYTES = 4096;

/** The header of an index file, or undefined (no file, or not written by this app's build). */
export function readIndexHeader(file: string): IndexHeader | undefined {
  let text: string;
  try {
    const fd = openSync(file, 'r');
    try {
      const buffer = Buffer.alloc(HEADER_BYTES);
      const read = readSync(fd, buffer, 0, HEADER_BYTES, 0);
      text = buffer.subarray(0, read).toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
  const match = HEADER.exec(text);
  if (!match) return undefined;
  try {
    return {
      format: Number(match[1]),
      analyzerVersion: Number(match[2]),
      contentHash: JSON.parse(match[3] as string) as string,
    };
  } catch {
    return undefined;
  }
}

/**
 * The persisted search data, if it was built from exactly this content by this analyzer and has the structure
 * the engine expects; otherwise undefined, and the caller rebuilds (a damaged file is reported in the log).
 */
export function loadPersisted(dataDir: string, contentHash: string): SearchData | undefined {
  // A file whose header names another version is not parsed at all: after each change of the content this is
  // asked before building (an index shipped by the city server may already be there).
  const head = readIndexHeader(indexFile(dataDir));
  if (
    head &&
    (head.format !== SEARCH_DATA_FORMAT ||
      head.analyzerVersion !== ANALYZER_VERSION ||
      head.contentHash !== contentHash)
  )
    return undefined;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(indexFile(dataDir), 'utf8'));
  } catch {
    return undefined;
  }
  const header = data as Partial<SearchData> | null;
  if (
    header?.format !== SEARCH_DATA_FORMAT ||
    header.analyzerVersion !== ANALYZER_VERSION ||
    header.contentHash !== contentHash
  )
    return undefined;
  if (!isSearchData(data)) {
    console.warn('[search] the persisted index is damaged: it is rebuilt');
    return undefined;
  }
  return data;
}

/** A persisted index's temporary file older than this was left by a process that was killed while writing. */
const LEFTOVER_AGE_MS = 60_000;

/** Removes the temporary files of index writes that never finished (the process was killed meanwhile). */
export function removeLeftoverIndexFiles(dataDir: string, now = Date.now()): string[] {
  const dir = dirname(indexFile(dataDir));
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!/^search-index\.json\.\d+\.\d+\.tmp$/.test(name)) continue;
    const full = join(dir, name);
    try {
      if (now - statSync(full).mtimeMs < LEFTOVER_AGE_MS) continue;
      rmSync(full, { force: true });
      removed.push(full);
    } catch {
      // Gone meanwhile: nothing to clean.
    }
  }
  return removed;
}

/**
 * Written to a temporary file then renamed, so a crash never leaves half an index behind. Bytes are accepted too:
 * a desk installs the index the city server built as it received it.
 */
export function persistText(dataDir: string, json: string | Uint8Array): void {
  const file = indexFile(dataDir);
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temporary, json);
  renameSync(temporary, file);
}

export function persist(dataDir: string, data: SearchData): void {
  persistText(dataDir, JSON.stringify(data));
}
