// Times queries as a desk meets them: each one once, never seen before, after a warm-up on other queries; then
// the same queries again, when the engine's caches answer them (shown apart: that is not what agents feel).
import type { FreshKind, FreshQueries } from './fresh-queries';
import { FRESH_KINDS } from './fresh-queries';
import type { Summary } from './stats';
import { summarize } from './stats';

export interface Searcher {
  /** Number of results. */
  search(query: string): number;
}

export interface FreshKindResult {
  /** Wall time of each query, run once. */
  fresh: Summary;
  /** CPU time of the same runs (user + system of the process): what the query costs on an idle machine. */
  cpu: Summary;
  /** The same queries run a second time: the caches answer. */
  repeated: Summary;
  /** Queries that found nothing, out of those run. */
  empty: number;
  count: number;
}

export type FreshTimings = Map<FreshKind, FreshKindResult>;

/**
 * Runs every warm-up query once (the JIT and the engine's structures in their steady state, for other words),
 * calls `beforeMeasure` (e.g. to empty a cache), then times each measured query once, then each again.
 */
export function timeFresh(
  searcher: Searcher,
  queries: { warmup: FreshQueries; measure: FreshQueries },
  beforeMeasure: () => void = () => {},
): FreshTimings {
  for (const kind of FRESH_KINDS) for (const query of queries.warmup[kind]) searcher.search(query);
  beforeMeasure();
  const out: FreshTimings = new Map();
  for (const kind of FRESH_KINDS) {
    const measured = queries.measure[kind];
    const wall: number[] = [];
    const cpu: number[] = [];
    let empty = 0;
    for (const query of measured) {
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      const hits = searcher.search(query);
      wall.push(performance.now() - started);
      const used = process.cpuUsage(cpuBefore);
      cpu.push((used.user + used.system) / 1000);
      if (hits === 0) empty++;
    }
    const repeated: number[] = [];
    for (const query of measured) {
      const started = performance.now();
      searcher.search(query);
      repeated.push(performance.now() - started);
    }
    out.set(kind, {
      fresh: summarize(wall),
      cpu: summarize(cpu),
      repeated: summarize(repeated),
      empty,
      count: measured.length,
    });
  }
  return out;
}
