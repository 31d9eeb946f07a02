// Search quality evaluation: a relevance set (queries with the ids of the fiches that answer them) run through
// the engine, measured by success@k, MRR and time per query. Shared by `npm run eval:search` and the floor test
// eval/search-quality.test.ts. Everything but the loading of files is pure.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { z } from 'zod';
import type { ContentFile } from '../../electron/core/knowledge/content-files';
import { readContentFolder } from '../../electron/core/knowledge/content-files';
import { importServicePublic } from '../../electron/core/import/service-public/import';
import { SearchEngine } from '../../electron/core/search/engine';
import { buildSearchData } from '../../electron/core/search/index-build';

/** The engine is asked for this many results, as the window shows them: ranks beyond it count as failures. */
export const EVAL_LIMIT = 10;
export const QUERY_KINDS = ['short', 'long'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

// ---------------------------------------------------------------------------------------------------------
// The relevance set

const relevanceCase = z.strictObject({
  query: z.string().trim().min(1, 'query must not be empty'),
  kind: z.enum(QUERY_KINDS),
  expected: z
    .array(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'expected ids are fiche ids'))
    .min(1, 'at least one expected id'),
  note: z.string().optional(),
});
const relevanceSet = z.array(relevanceCase).min(1, 'the relevance set is empty');

export type RelevanceCase = z.infer<typeof relevanceCase>;

export class RelevanceSetError extends Error {}

/** Parses and validates a relevance set (YAML): every problem is listed, with the entry it is in. */
export function parseRelevanceSet(text: string, source = 'relevance set'): RelevanceCase[] {
  let data: unknown;
  try {
    data = YAML.parse(text);
  } catch (error) {
    throw new RelevanceSetError(
      `${source}: unreadable YAML (${error instanceof Error ? error.message : error})`,
    );
  }
  const result = relevanceSet.safeParse(data);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const [index, ...field] = issue.path;
      const entry =
        typeof index === 'number' && Array.isArray(data) ? describeEntry(data[index], index) : 'the set';
      return `  - ${entry}${field.length > 0 ? `, ${field.join('.')}` : ''}: ${issue.message}`;
    });
    throw new RelevanceSetError(`${source} is invalid:\n${lines.join('\n')}`);
  }
  const seen = new Set<string>();
  const problems: string[] = [];
  result.data.forEach((entry, index) => {
    const key = normalizeQuery(entry.query);
    if (seen.has(key)) problems.push(`  - entry ${index + 1} (« ${entry.query} »): duplicate query`);
    seen.add(key);
    if (new Set(entry.expected).size !== entry.expected.length)
      problems.push(`  - entry ${index + 1} (« ${entry.query} »): an expected id is listed twice`);
  });
  if (problems.length > 0) throw new RelevanceSetError(`${source} is invalid:\n${problems.join('\n')}`);
  return result.data;
}

function describeEntry(entry: unknown, index: number): string {
  const query = (entry as { query?: unknown } | null)?.query;
  return `entry ${index + 1}${typeof query === 'string' ? ` (« ${query.slice(0, 40)} »)` : ''}`;
}

function normalizeQuery(query: string): string {
  return query.toLowerCase().replace(/\s+/g, ' ').trim();
}

export function loadRelevanceSet(path: string): RelevanceCase[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new RelevanceSetError(`cannot read the relevance set « ${path} »`);
  }
  return parseRelevanceSet(text, path);
}

/** Expected ids that are not fiches of the engine: a typo in the set, or a fiche the import left out. */
export function unknownExpectations(
  cases: RelevanceCase[],
  isKnown: (id: string) => boolean,
): Array<{ query: string; ids: string[] }> {
  return cases.flatMap((entry) => {
    const ids = entry.expected.filter((id) => !isKnown(id));
    return ids.length > 0 ? [{ query: entry.query, ids }] : [];
  });
}

/**
 * The set as it applies to a corpus that holds only some of its fiches (the demo content alone): unknown ids are
 * dropped and the queries left with none are skipped, so they neither fail nor pass.
 */
export function restrictToKnown(
  cases: RelevanceCase[],
  isKnown: (id: string) => boolean,
): { cases: RelevanceCase[]; skipped: RelevanceCase[] } {
  const kept: RelevanceCase[] = [];
  const skipped: RelevanceCase[] = [];
  for (const entry of cases) {
    const expected = entry.expected.filter(isKnown);
    if (expected.length === 0) skipped.push(entry);
    else kept.push({ ...entry, expected });
  }
  return { cases: kept, skipped };
}

// ---------------------------------------------------------------------------------------------------------
// The corpus

export interface ContentSource {
  dir: string;
  /** Prepended to the paths of this folder's files (e.g. `national/`), so paths stay unique once combined. */
  prefix?: string;
}

export interface CombinedContent {
  files: ContentFile[];
  hash: string;
  /** Fiche or contact ids defined in more than one folder: the later ones would be dropped by the parser. */
  collisions: Array<{ id: string; paths: string[] }>;
}

/** The `id:` of a markdown file's front-matter, read without parsing it (for the collision check only). */
export function frontMatterId(text: string): string | undefined {
  const head = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1];
  const value = head ? /^id:[ \t]*(.*)$/m.exec(head)?.[1] : undefined;
  const id = value
    ?.replace(/\s+#.*$/, '')
    .trim()
    .replace(/^(["'])(.*)\1$/, '$2');
  return id || undefined;
}

/**
 * Pure part of `readContentFolders`: concatenates the folders' files, prefixing the paths of each, and lists
 * the ids defined twice. The root lists (themes.yml, synonymes.yml) are only recognised without a prefix, so
 * the first folder is normally given none.
 */
export function combineFiles(
  folders: Array<{ files: ContentFile[]; hash: string; prefix?: string }>,
): CombinedContent {
  const files: ContentFile[] = [];
  const hash = createHash('sha256');
  const owners = new Map<string, string[]>();
  for (const folder of folders) {
    const prefix = folder.prefix ?? '';
    hash.update(prefix).update('\0').update(folder.hash).update('\0');
    for (const file of folder.files) {
      const path = `${prefix}${file.path}`;
      files.push({ path, text: file.text });
      if (!path.endsWith('.md')) continue;
      const id = frontMatterId(file.text);
      if (id) owners.set(id, [...(owners.get(id) ?? []), path]);
    }
  }
  const collisions = [...owners]
    .filter(([, paths]) => paths.length > 1)
    .map(([id, paths]) => ({ id, paths }));
  return { files, hash: hash.digest('hex'), collisions };
}

/** Reads several content folders as one knowledge base (see `combineFiles`). */
export function readContentFolders(sources: ContentSource[]): CombinedContent {
  return combineFiles(sources.map((source) => ({ ...readContentFolder(source.dir), prefix: source.prefix })));
}

/** Imports the Service-Public.fr archive into `outDir` with the app's importer; returns what it could not convert. */
export async function importNationalArchive(
  archive: string,
  outDir: string,
  onProgress?: (done: number, total: number) => void,
): Promise<{ total: number; errors: Array<{ file: string; reason: string }> }> {
  const report = await importServicePublic({ from: archive, outDir, onProgress });
  return { total: report.total, errors: report.errors };
}

/** The engine exactly as the app builds it (same parse, same index), here in-process. */
export function buildEngine(content: Pick<CombinedContent, 'files' | 'hash'>): SearchEngine {
  return new SearchEngine(buildSearchData(content.files, content.hash));
}

// ---------------------------------------------------------------------------------------------------------
// Running and measuring

export interface QueryOutcome {
  query: string;
  kind: QueryKind;
  expected: string[];
  /** Ids returned, best first (at most EVAL_LIMIT). */
  returned: string[];
  /** 1-based rank of the first expected id among `returned`, or null when none is there. */
  rank: number | null;
  ms: number;
}

/** What a search answers, reduced to what the evaluation needs. */
export type SearchFunction = (query: string) => string[];

/** The rank (1-based) of the first expected id among the returned ones, within `limit`; null if absent. */
export function firstRelevantRank(returned: string[], expected: string[], limit = EVAL_LIMIT): number | null {
  const wanted = new Set(expected);
  const index = returned.slice(0, limit).findIndex((id) => wanted.has(id));
  return index === -1 ? null : index + 1;
}

/** Runs every case once, timing each search. `now` is injectable for tests. */
export function runRelevanceSet(
  cases: RelevanceCase[],
  search: SearchFunction,
  now: () => number = () => performance.now(),
): QueryOutcome[] {
  return cases.map((entry) => {
    const started = now();
    const returned = search(entry.query).slice(0, EVAL_LIMIT);
    const ms = now() - started;
    return {
      query: entry.query,
      kind: entry.kind,
      expected: entry.expected,
      returned,
      rank: firstRelevantRank(returned, entry.expected),
      ms,
    };
  });
}

/** The search function of an engine, as the window calls it. */
export function engineSearch(engine: SearchEngine): SearchFunction {
  return (query) => engine.search(query, { limit: EVAL_LIMIT }).results.map((hit) => hit.id);
}

export interface Metrics {
  queries: number;
  /** Share of queries with an expected id at rank ≤ k. */
  success1: number;
  success3: number;
  /** What the desk sees without scrolling: the held-out questions' target is stated at 5. */
  success5: number;
  success10: number;
  /** Mean over queries of 1/rank of the first expected id within the top 10, 0 when absent. */
  mrr: number;
  /** Time per query, in milliseconds (nearest-rank percentiles). */
  p50Ms: number;
  p95Ms: number;
}

/** Nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? 0;
}

export function computeMetrics(outcomes: QueryOutcome[]): Metrics {
  const n = outcomes.length;
  const share = (k: number) =>
    n === 0 ? 0 : outcomes.filter((o) => o.rank !== null && o.rank <= k).length / n;
  const times = outcomes.map((o) => o.ms);
  return {
    queries: n,
    success1: share(1),
    success3: share(3),
    success5: share(5),
    success10: share(EVAL_LIMIT),
    mrr: n === 0 ? 0 : outcomes.reduce((sum, o) => sum + (o.rank === null ? 0 : 1 / o.rank), 0) / n,
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
  };
}

/**
 * The held-out set of citizens' own words (eval/held-out/citizen-questions.yml): never tuned on, measured apart
 * from the tuning set so that a gain there says the ranking generalises.
 */

export interface EvaluationReport {
  overall: Metrics;
  byKind: Record<QueryKind, Metrics>;
  outcomes: QueryOutcome[];
}

export function summarize(outcomes: QueryOutcome[]): EvaluationReport {
  return {
    overall: computeMetrics(outcomes),
    byKind: {
      short: computeMetrics(outcomes.filter((o) => o.kind === 'short')),
      long: computeMetrics(outcomes.filter((o) => o.kind === 'long')),
    },
    outcomes,
  };
}

/** Queries whose first expected id is not within the top `k` (worst first: absent, then by rank). */
export function failuresAt(outcomes: QueryOutcome[], k: number): QueryOutcome[] {
  return outcomes
    .filter((o) => o.rank === null || o.rank > k)
    .sort((a, b) => (b.rank ?? Infinity) - (a.rank ?? Infinity));
}

/** Rounds down to `step` (floors for a test: current − margin, never above the current figure). */
export function floorTo(value: number, step = 0.01): number {
  return Math.max(0, Math.floor(value / step + 1e-9) * step);
}
