import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ANALYZER_VERSION } from './analyzer';
import type { SearchData } from './search-data';
import { SEARCH_DATA_FORMAT } from './search-data';

export function indexFile(dataDir: string): string {
  return join(dataDir, 'index', 'search-index.json');
}

/** The persisted search data, if it was built from exactly this content by this analyzer; otherwise undefined. */
export function loadPersisted(dataDir: string, contentHash: string): SearchData | undefined {
  let data: SearchData;
  try {
    data = JSON.parse(readFileSync(indexFile(dataDir), 'utf8')) as SearchData;
  } catch {
    return undefined;
  }
  const valid =
    data.format === SEARCH_DATA_FORMAT &&
    data.analyzerVersion === ANALYZER_VERSION &&
    data.contentHash === contentHash;
  return valid ? data : undefined;
}

/** Written to a temporary file then renamed, so a crash never leaves half an index behind. */
export function persistText(dataDir: string, json: string): void {
  const file = indexFile(dataDir);
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temporary, json);
  renameSync(temporary, file);
}

export function persist(dataDir: string, data: SearchData): void {
  persistText(dataDir, JSON.stringify(data));
}
