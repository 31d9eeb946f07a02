// Each engine's fresh queries are timed in a process of its own holding its index alone, as a desk's process
// holds the app's: timed inside the benchmark, whose heap holds the corpora, lunr's serialised indexes and the
// other engines (gigabytes on 20,000 fiches), a query that met a garbage collection paid for all of that — a
// pasted question's p95 doubled, a cost no desk meets.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clearAnalyzerCaches } from '../../electron/core/search/analyzer';
import { SearchEngine } from '../../electron/core/search/engine';
import { PackedIndex } from '../../electron/core/search/packed-index';
import { STOP_WORDS } from '../../electron/core/search/stopwords';
import type { FreshQueries } from './fresh-queries';
import { FRESH_KINDS } from './fresh-queries';
import type { FreshTimings, Searcher } from './fresh-timing';
import { timeFresh } from './fresh-timing';
import type { FtsRow } from './fts5';
import { FtsSearch } from './fts5';
import { miniSearchSearcher, stockLunrSearcher } from './other-engines';

const BENCH_SCRIPT = join(dirname(fileURLToPath(import.meta.url)), '..', 'bench.ts');
const MB = 1024 * 1024;

/** What a child times: an engine, the file it loads its index from, and the queries. */
export interface FreshRequest {
  /**
   * `app`: the app's binary index file; `fts5`, `fts5-snippet`: an FTS5 database file; `stock-lunr`: lunr's
   * serialised index (JSON); `minisearch`: the rows to index (JSON).
   */
  engine: 'app' | 'fts5' | 'fts5-snippet' | 'stock-lunr' | 'minisearch';
  file: string;
  queries: { warmup: FreshQueries; measure: FreshQueries };
  limit: number;
  boosts?: Record<string, number>;
}

export interface FreshChildResult {
  /** Loading (or, for MiniSearch, building) the engine in the child, seconds. */
  loadS: number;
  kinds: FreshTimings;
}

const gc = (globalThis as { gc?: () => void }).gc;

/**
 * Searching time the warm-up lasts at least, its queries run in rounds: a desk that has answered questions all
 * morning runs the engine's optimised code. One round of 100 quick queries (a few hundred milliseconds on the
 * app) left V8 still tiering and deoptimising during the measure: runs of queries three times slower than the
 * same queries a second later, whatever the query.
 */
export const WARMUP_MS = 3000;
/** The same after the forced collection, which drops compiled code. */
const REWARM_MS = 1000;

/** The warm-up queries in rounds until `ms` of searching (one round at least: a slow engine's one is enough). */
function warmUp(searcher: Searcher, warmup: FreshQueries, ms: number): void {
  const until = performance.now() + ms;
  do {
    for (const kind of FRESH_KINDS) for (const query of warmup[kind]) searcher.search(query);
  } while (performance.now() < until);
}

/**
 * Times a searcher on fresh queries: the warm-up (WARMUP_MS), a forced collection, the warm-up again (the
 * collection flushes V8's compiled code, a recompilation no desk meets: the app never forces one), the analyzer's
 * caches emptied so that a measured query's words are analysed for the first time, then each measured query once.
 */
export function timeEngine(
  searcher: Searcher,
  queries: { warmup: FreshQueries; measure: FreshQueries },
): FreshTimings {
  gc?.();
  gc?.();
  warmUp(searcher, queries.warmup, WARMUP_MS);
  return timeFresh(searcher, queries, () => {
    gc?.();
    gc?.();
    warmUp(searcher, queries.warmup, REWARM_MS);
    clearAnalyzerCaches();
  });
}

/**
 * Runs the benchmark script as a child (`--child <kind> --file <file>`) with Node's default heap limit, as the
 * app has; its last line of output, JSON, is the result. A failure is returned as its reason, never thrown.
 */
export function runBenchChild(kind: string, file: string): { result: unknown } | { failed: string } {
  const args = process.execArgv.filter((arg) => !arg.startsWith('--max-old-space-size'));
  if (!args.includes('--expose-gc')) args.push('--expose-gc');
  // A collection of this process' gigabytes still marking on its helper threads would take a core from the child
  // while this one waits (a 20,000-fiche cold start measured 3.2 s instead of 0.8): finished first.
  gc?.();
  const child = spawnSync(process.execPath, [...args, BENCH_SCRIPT, '--child', kind, '--file', file], {
    encoding: 'utf8',
    maxBuffer: 16 * MB,
  });
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  if (child.status === 0 && line.startsWith('{')) return { result: JSON.parse(line) as unknown };
  const reason = child.stderr.split('\n').find((text) => /Error|error/.test(text)) ?? `exit ${child.status}`;
  return { failed: reason.trim() };
}

/** Times `request` in a fresh process; undefined (and the reason printed) when the child failed. */
export function timeFreshInChild(request: FreshRequest, requestFile: string): FreshChildResult | undefined {
  writeFileSync(requestFile, JSON.stringify(request));
  try {
    const outcome = runBenchChild('fresh', requestFile);
    if ('failed' in outcome) {
      console.log(`   (${request.engine} not timed in a fresh process: ${outcome.failed})`);
      return undefined;
    }
    const { loadS, kinds } = outcome.result as { loadS: number; kinds: Array<[string, unknown]> };
    return { loadS, kinds: new Map(kinds) as FreshTimings };
  } finally {
    rmSync(requestFile, { force: true });
  }
}

/** The child's side: loads the engine as `request` says, times it, prints the result as one line of JSON. */
export async function freshChild(requestFile: string): Promise<void> {
  const request = JSON.parse(readFileSync(requestFile, 'utf8')) as FreshRequest;
  const started = performance.now();
  let searcher: Searcher;
  let loadS: number | undefined;
  switch (request.engine) {
    case 'app': {
      const engine = new SearchEngine(new PackedIndex(readFileSync(request.file), true));
      searcher = { search: (query) => engine.search(query, { limit: request.limit }).results.length };
      break;
    }
    case 'fts5':
    case 'fts5-snippet': {
      const fts = FtsSearch.open(request.file, STOP_WORDS);
      const snippet = request.engine === 'fts5-snippet';
      searcher = { search: (query) => fts.search(query, request.limit, snippet).length };
      break;
    }
    case 'stock-lunr':
      searcher = stockLunrSearcher(JSON.parse(readFileSync(request.file, 'utf8')) as object, request.limit);
      break;
    case 'minisearch': {
      const rows = JSON.parse(readFileSync(request.file, 'utf8')) as FtsRow[];
      const mini = await miniSearchSearcher(rows, request.boosts ?? {}, request.limit);
      if (!mini) throw new Error('MiniSearch is not installed');
      searcher = mini.searcher;
      loadS = mini.buildS;
      break;
    }
  }
  loadS ??= (performance.now() - started) / 1000;
  const kinds = timeEngine(searcher, request.queries);
  console.log(JSON.stringify({ loadS, kinds: [...kinds] }));
}
