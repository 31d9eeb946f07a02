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
import { ANALYZER_VERSION } from './analyzer';
import type { IndexFileHeader } from './index-file';
import { headerBytes, readIndexFileHeader } from './index-file';
import { encodeSearchData, PackedIndex } from './packed-index';
import type { SearchData } from './search-data';
import { SEARCH_DATA_FORMAT } from './search-data';

/** The persisted index, in the binary layout of index-file.ts (format 4 on; format 3 was JSON, named .json). */
const INDEX_FILE_NAME = 'search-index.bin';

export function indexFile(dataDir: string): string {
  return join(dataDir, 'index', INDEX_FILE_NAME);
}

/** What a persisted index says of itself in its first bytes: enough to tell whether it fits a content version. */
export interface IndexHeader {
  format: number;
  analyzerVersion: number;
  contentHash: string;
}

const HEADER_BYTES = 4096;

/** The header of the index file open as `fd`, from its first bytes, or undefined (not written by this app's build). */
function headerOf(fd: number): IndexFileHeader | undefined {
  let buffer = Buffer.alloc(HEADER_BYTES);
  let read = readSync(fd, buffer, 0, HEADER_BYTES, 0);
  // A content hash longer than the first read (a folder problem appended to it): read the whole header.
  const needed = headerBytes(buffer.subarray(0, read));
  if (needed !== undefined && needed > read && needed < 1024 * 1024) {
    buffer = Buffer.alloc(needed);
    read = readSync(fd, buffer, 0, needed, 0);
  }
  return readIndexFileHeader(buffer.subarray(0, read));
}

/** The header of an index file, or undefined (no file, or not written by this app's build). */
export function readIndexHeader(file: string): IndexHeader | undefined {
  try {
    const fd = openSync(file, 'r');
    try {
      const header = headerOf(fd);
      if (!header) return undefined;
      return {
        format: header.format,
        analyzerVersion: header.analyzerVersion,
        contentHash: header.contentHash,
      };
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

/**
 * The persisted index, if it was built from exactly this content by this analyzer and is whole (its sizes and the
 * shapes of what a load reads); otherwise undefined, and the caller rebuilds (a damaged file is reported in the
 * log). Read with one read and decoded lazily: the postings and texts stay in the file's bytes. Its checksum is
 * not checked here: the caller checks it while the index already answers (`checksumMatchesInSteps`).
 */
export function loadPersisted(dataDir: string, contentHash: string): PackedIndex | undefined {
  let bytes: Buffer;
  try {
    const fd = openSync(indexFile(dataDir), 'r');
    try {
      // A file whose header names another version is not read at all: after each change of the content this is
      // asked before building (an index shipped by the city server may already be there). The whole file is
      // then read through the same descriptor, so it is the file whose header was checked (indexes are installed
      // by renaming a new file over this one, never rewritten in place).
      const head = headerOf(fd);
      if (
        !head ||
        head.format !== SEARCH_DATA_FORMAT ||
        head.analyzerVersion !== ANALYZER_VERSION ||
        head.contentHash !== contentHash
      )
        return undefined;
      bytes = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
  try {
    return new PackedIndex(bytes, false);
  } catch (error) {
    console.warn(
      `[search] the persisted index is damaged (${error instanceof Error ? error.message : String(error)}): it is rebuilt`,
    );
    return undefined;
  }
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
    if (!/^search-index\.(json|bin)\.\d+\.\d+\.tmp$/.test(name)) continue;
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
 * Written to a temporary file then renamed, so a crash never leaves half an index behind. A desk installs the
 * index the city server built as it received it.
 */
export function persistText(dataDir: string, bytes: Uint8Array): void {
  const file = indexFile(dataDir);
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, file);
  // The index of format 3 and before (JSON) is of no use once a binary one is written.
  rmSync(join(dirname(file), 'search-index.json'), { force: true });
}

/** Persists search data built in this process, or the bytes of a binary index. */
export function persist(dataDir: string, data: SearchData | Uint8Array): void {
  persistText(dataDir, data instanceof Uint8Array ? data : encodeSearchData(data));
}
