// npm run bench [-- --corpus demo|national|synthetic|all] [--fiches N] [--quick] [--reimport]
//
// Prints what the app's search costs (lunr, exactly as the app runs it) next to stock lunr, MiniSearch (when
// installed) and an SQLite FTS5 baseline, on the demo content, on the national fiches of Service-Public.fr and on
// a generated corpus of 20,000 fiches; then how long an editor's save takes to become searchable. Queries are
// what a desk meets: each one timed once and never seen before, after a warm-up on other queries (see
// bench/fresh-queries.ts); the same queries run again, when caches answer, are shown apart. It prints figures
// and targets; it asserts nothing.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { ELECTRON_BUNDLE_OPTIONS } from './lib/bundle-options.mjs';
import { importServicePublic } from '../electron/core/import/service-public/import';
import type { ContentFile } from '../electron/core/knowledge/content-files';
import { readContentFolder } from '../electron/core/knowledge/content-files';
import { parseKnowledge } from '../electron/core/knowledge/parse';
import { clearAnalyzerCaches } from '../electron/core/search/analyzer';
import { SearchEngine } from '../electron/core/search/engine';
import { buildSearchData, FICHE_FIELDS, publishedFiches } from '../electron/core/search/index-build';
import { encodeSearchData, PackedIndex } from '../electron/core/search/packed-index';
import { checksumMatchesInSteps } from '../electron/core/search/index-file';
import { runAtOnce } from '../electron/core/steps';
import { indexFile } from '../electron/core/search/persist';
import type { SearchTuning } from '../electron/core/search/planner';
import { DEFAULT_TUNING } from '../electron/core/search/planner';
import type { SearchData } from '../electron/core/search/search-data';
import { SearchService } from '../electron/core/search/search-service';
import { STOP_WORDS } from '../electron/core/search/stopwords';
import { ficheFile } from '../dev/test-support/content';
import { loadRelevanceSet } from '../dev/search-evaluation/evaluation';
import type { FtsRow } from './bench/fts5';
import { FtsSearch, ftsRows } from './bench/fts5';
import type { FreshKind, FreshQueries } from './bench/fresh-queries';
import { DESK_KINDS, FRESH_KINDS, freshQueries } from './bench/fresh-queries';
import type { FreshKindResult, FreshTimings, Searcher } from './bench/fresh-timing';
import { miniSearchInstalled } from './bench/other-engines';
import type { FreshChildResult, FreshRequest } from './bench/fresh-child';
import { freshChild, runBenchChild, timeEngine, timeFreshInChild, WARMUP_MS } from './bench/fresh-child';
import { benchIndicators } from './bench/indicators';
import { benchJournal } from './bench/journal';
import { benchBureaux } from './bench/bureaux';
import { benchFirstSync } from './bench/first-sync';
import { postgresTarget } from './bench/engines';
import { ONE_WORD } from './bench/queries';
import { syntheticFiches, syntheticSource } from './bench/synthetic-corpus';
import type { SwapPause } from './bench/swap-pause';
import { measureSwapPause } from './bench/swap-pause';
import { fixed, formatTable, ms } from './bench/table';
import { DEMO_CONTENT_DIR, PROJECT_ROOT, WORKER_SOURCE_FILE } from './lib/paths';

const USAGE =
  'Usage : npm run bench [-- --corpus demo|national|synthetic|all] [--fiches N] [--quick] [--reimport] [--journal] [--indicateurs] [--premiere-synchro] [--bureaux] [--database postgres://…|auto] [--postgres]\n' +
  '  --fiches N   fiches générées du corpus synthetic (défaut 20000, 2000 avec --quick) ; --fiches 20000 seul : ce corpus seul';
const SERVICE_PUBLIC_ZIP = '/work/shared/corpus/service-public/vosdroits-particuliers-2020-11.zip';
const SYNTHETIC_COUNT = { full: 20_000, quick: 2_000 };
const SYNTHETIC_SEED = 20_201_112;
const LIMIT = 20;
const MB = 1024 * 1024;
/** The query that measures the cold start: the first thing a desk asks for in the morning. */
const FIRST_QUERY = 'passeport';

const FICHE_BOOSTS: Record<string, number> = { ...FICHE_FIELDS };
/** Measured queries of each kind (as many again for the warm-up), each run once. */
const FRESH_COUNT = { full: 60, quick: 20 };

const TARGETS = {
  national: { shortP95: 5, longP95: 30, coldMs: 300, saveMs: 1000, swapPauseMs: 50 },
  synthetic: { shortP95: 25, persistedMB: 100, coldMs: 1000, heapMB: 400 },
};

const gc = (globalThis as { gc?: () => void }).gc;
function collect(): void {
  gc?.();
  gc?.();
}
/** The JavaScript heap plus the buffers it holds (the binary index's bytes live outside the heap proper). */
function heapUsed(): number {
  collect();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

// ─── Cold start, measured in a fresh process: nothing warm but the operating system's file cache ───────────

interface ColdStart {
  /**
   * lunr: the binary index opened as the search service opens it (its sizes and the shapes of what a load reads
   * checked) and its engine made, lazily; FTS5: opening the database.
   */
  loadMs: number;
  /** From reading the file (lunr) or opening the database (FTS5) to the first result. */
  coldMs: number;
  readMs: number;
  /** lunr: the whole file's checksum, which the service checks afterwards in steps while the engine answers. */
  checksumMs?: number;
  heapMB: number;
}

function loadLunr(file: string): { engine: SearchEngine; bytes: Uint8Array; readMs: number; loadMs: number } {
  const started = performance.now();
  const bytes = readFileSync(file);
  const read = performance.now();
  // As loadPersisted opens it: the checksum is checked afterwards (see childColdStart).
  const engine = new SearchEngine(new PackedIndex(bytes, false));
  return { engine, bytes, readMs: read - started, loadMs: performance.now() - read };
}

/** What the cold-start measure loaded: kept reachable until the heap has been measured. */
let _keptAlive: unknown;

function childColdStart(engine: 'lunr' | 'fts5', file: string): ColdStart {
  const before = heapUsed();
  const started = performance.now();
  if (engine === 'lunr') {
    const loaded = loadLunr(file);
    loaded.engine.search(FIRST_QUERY, { limit: LIMIT });
    const coldMs = performance.now() - started;
    const checking = performance.now();
    if (!runAtOnce(checksumMatchesInSteps(loaded.bytes)))
      throw new Error('the index file fails its checksum');
    const checksumMs = performance.now() - checking;
    _keptAlive = loaded.engine;
    const heapMB = (heapUsed() - before) / MB;
    return { loadMs: loaded.loadMs, readMs: loaded.readMs, coldMs, checksumMs, heapMB };
  }
  const fts = FtsSearch.open(file, STOP_WORDS);
  const loadMs = performance.now() - started;
  fts.search(FIRST_QUERY, LIMIT);
  const coldMs = performance.now() - started;
  _keptAlive = fts;
  const heapMB = (heapUsed() - before) / MB;
  fts.close();
  return { loadMs, readMs: 0, coldMs, heapMB };
}

/**
 * Runs the cold start in a fresh process, with Node's default heap limit as the app has (the benchmark itself
 * runs with a larger one, for the copies of the corpora it holds). A failure is reported, not fatal.
 */
function coldStartInChild(engine: 'lunr' | 'fts5', file: string): ColdStart {
  const outcome = runBenchChild(engine, file);
  if ('result' in outcome) return outcome.result as ColdStart;
  console.log(`   (${engine} cold start failed in a fresh process: ${outcome.failed})`);
  return { loadMs: Number.NaN, coldMs: Number.NaN, readMs: Number.NaN, heapMB: Number.NaN };
}

interface SwapRequest {
  worker: string;
  index: string;
  files: ContentFile[];
  hash: string;
}

/**
 * A rebuild replacing the current index, measured in a fresh process holding what the app holds (the current
 * engine): the benchmark's own heap of corpora and other engines would make its collections the pause measured.
 */
function swapInChild(worker: string, index: string, corpus: Corpus, workDir: string): SwapPause | undefined {
  const file = join(workDir, `${corpus.name}-swap.json`);
  writeFileSync(
    file,
    JSON.stringify({ worker, index, files: corpus.files, hash: corpus.hash } satisfies SwapRequest),
  );
  const outcome = runBenchChild('swap', file);
  rmSync(file, { force: true });
  if ('result' in outcome) return outcome.result as SwapPause;
  console.log(`   (swap not measured in a fresh process: ${outcome.failed})`);
  return undefined;
}

// ─── Corpora ────────────────────────────────────────────────────────────────────────────────────────────────

interface Corpus {
  name: 'demo' | 'national' | 'synthetic';
  label: string;
  files: ContentFile[];
  hash: string;
}

function hashOf(files: ContentFile[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(file.path).update('\0').update(file.text).update('\0');
  return hash.digest('hex');
}

function demoCorpus(): Corpus {
  const snapshot = readContentFolder(DEMO_CONTENT_DIR);
  return { name: 'demo', label: 'demo content (content/)', files: snapshot.files, hash: snapshot.hash };
}

/** The national fiches, imported once into a cache folder keyed by the archive's size and date. */
async function nationalFolder(reimport: boolean): Promise<string> {
  const stat = statSync(SERVICE_PUBLIC_ZIP);
  const dir = join(tmpdir(), 'infocite-bench', `service-public-${stat.size}-${Math.round(stat.mtimeMs)}`);
  const done = join(dir, '.imported');
  if (existsSync(done) && !reimport) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  log(`importing the national fiches into ${dir} (once; reused while the archive is unchanged)…`);
  const report = await importServicePublic({ from: SERVICE_PUBLIC_ZIP, outDir: dir });
  writeFileSync(done, new Date().toISOString());
  console.log(
    `(national fiches imported in ${fixed(report.durationMs / 1000)} s: ${report.total} read, ` +
      `${report.errors.length} in error)`,
  );
  return dir;
}

/** The demo content and the national fiches, as a commune that imported them would have its folder. */
async function nationalCorpus(demo: Corpus, reimport: boolean): Promise<Corpus> {
  const national = readContentFolder(await nationalFolder(reimport));
  const files = [
    ...demo.files,
    ...national.files.map((file) => ({ path: `national/${file.path}`, text: file.text })),
  ];
  const count = national.files.length;
  return {
    name: 'national',
    label: `demo content + ${count.toLocaleString('en')} national files (Service-Public.fr, Nov. 2020)`,
    files,
    hash: hashOf(files),
  };
}

function syntheticCorpus(demo: Corpus, source: Corpus | undefined, count: number): Corpus {
  const from = source ?? demo;
  const knowledge = parseKnowledge(from.files);
  const themes = parseKnowledge(demo.files).themes.map((theme) => theme.id);
  const generated = syntheticFiches(syntheticSource(publishedFiches(knowledge)), {
    count,
    seed: SYNTHETIC_SEED,
    themes,
  });
  const files = [...demo.files, ...generated];
  return {
    name: 'synthetic',
    label: `demo content + ${count.toLocaleString('en')} generated fiches (recombined from the ${from.name} fiches)`,
    files,
    hash: hashOf(files),
  };
}

// ─── Query timings ──────────────────────────────────────────────────────────────────────────────────────────

function lunrSearcher(engine: SearchEngine): Searcher {
  return { search: (query) => engine.search(query, { limit: LIMIT }).results.length };
}

/** Fresh queries drawn from the corpus' titles, keywords and résumés and from eval/relevance.yml. */
function corpusQueries(
  files: ContentFile[],
  quick: boolean,
): { warmup: FreshQueries; measure: FreshQueries } {
  const fiches = publishedFiches(parseKnowledge(files));
  let relevance: Array<{ query: string; kind: 'short' | 'long' }> = [];
  try {
    relevance = loadRelevanceSet(join(PROJECT_ROOT, 'eval/relevance.yml'));
  } catch (error) {
    log(`relevance set unavailable, generated queries only: ${String(error)}`);
  }
  return freshQueries(
    {
      titles: fiches.map((fiche) => fiche.titre),
      keywords: fiches.flatMap((fiche) => fiche.mots_cles),
      resumes: fiches.map((fiche) => fiche.resume),
      relevance,
    },
    quick ? FRESH_COUNT.quick : FRESH_COUNT.full,
  );
}

interface EngineRow {
  engine: string;
  buildS: number;
  indexMB: number;
  cold?: ColdStart;
  kinds: FreshTimings;
}

interface CorpusResult {
  corpus: Corpus;
  fiches: number;
  contacts: number;
  terms: number;
  persistedMB: number;
  lunr: EngineRow;
  /** Stock lunr and MiniSearch (when installed): ranking only, no snippets. */
  others: EngineRow[];
  fts5: EngineRow;
  /** The same FTS5 database, the results with snippet() of their body, as the app's results have. */
  fts5Snippet: EngineRow;
  queries: { warmup: FreshQueries; measure: FreshQueries };
  /** The persisted lunr index (the app's binary search index), for the save test. */
  persistedFile: string;
  /** The search data as built, for the levers (lunr's own query needs lunr's serialised index). */
  data?: SearchData;
  swap?: SwapPause;
}

interface LunrBuild {
  buildS: number;
  indexBytes: number;
  persistedBytes: number;
  fiches: number;
  contacts: number;
  terms: number;
}

/** Builds the lunr index as the worker does (serialisation included) and writes it as persist() does. */
function buildLunr(corpus: Corpus, file: string): LunrBuild & { data: SearchData } {
  collect();
  const started = performance.now();
  const data = buildSearchData(corpus.files, corpus.hash);
  const persisted = encodeSearchData(data);
  const buildS = (performance.now() - started) / 1000;
  writeFileSync(file, persisted);
  return {
    data,
    buildS,
    indexBytes: persisted.length,
    persistedBytes: persisted.length,
    fiches: publishedFiches(data.knowledge).length,
    contacts: data.knowledge.contacts.length,
    terms: (data.fichesIndex as { invertedIndex?: unknown[] }).invertedIndex?.length ?? 0,
  };
}

async function benchCorpus(
  corpus: Corpus,
  quick: boolean,
  workDir: string,
  workerFile?: string,
): Promise<CorpusResult> {
  log(`${corpus.name}: building the lunr index…`);
  const lunrFile = join(workDir, `${corpus.name}-search-index.bin`);
  const built = buildLunr(corpus, lunrFile);
  const queries = corpusQueries(corpus.files, quick);

  log(`${corpus.name}: cold start of lunr in a fresh process…`);
  const lunrCold = coldStartInChild('lunr', lunrFile);
  log(
    `${corpus.name}: lunr (app), index file ${fixed(built.persistedBytes / MB)} MiB, cold start to first result ` +
      `${ms(lunrCold.coldMs)} ms, heap ${fixed(lunrCold.heapMB)} MB`,
  );
  // Each engine timed in a fresh process holding its index alone (see fresh-child.ts).
  const timed = (engine: FreshRequest['engine'], file: string): FreshChildResult | undefined =>
    timeFreshInChild(
      { engine, file, queries, limit: LIMIT, boosts: FICHE_BOOSTS },
      join(workDir, `${corpus.name}-${engine}-request.json`),
    );
  log(`${corpus.name}: timing lunr queries in a fresh process…`);
  const data = built.data;
  const lunrKinds = timed('app', lunrFile)?.kinds ?? new Map();
  // Shown at once: on 20,000 fiches the other engines take many minutes more before the table is printed.
  log(
    `${corpus.name}: lunr (app), fresh p95 ms: ` +
      FRESH_KINDS.map((kind) => `${kind} ${fixed(lunrKinds.get(kind)?.fresh.p95 ?? Number.NaN)}`).join(', '),
  );
  const others: EngineRow[] = [];
  log(`${corpus.name}: timing stock lunr in a fresh process…`);
  const stockFile = join(workDir, `${corpus.name}-lunr.json`);
  writeFileSync(stockFile, JSON.stringify(data.fichesIndex));
  const stock = timed('stock-lunr', stockFile);
  rmSync(stockFile, { force: true });
  others.push({
    engine: 'stock lunr (no snippet)',
    buildS: stock?.loadS ?? Number.NaN,
    indexMB: Number.NaN,
    kinds: stock?.kinds ?? new Map(),
  });
  const rows: FtsRow[] = ftsRows(corpus.files);
  if (await miniSearchInstalled()) {
    log(`${corpus.name}: timing MiniSearch in a fresh process…`);
    const rowsFile = join(workDir, `${corpus.name}-rows.json`);
    writeFileSync(rowsFile, JSON.stringify(rows));
    const mini = timed('minisearch', rowsFile);
    rmSync(rowsFile, { force: true });
    others.push({
      engine: 'MiniSearch (no snippet)',
      buildS: mini?.loadS ?? Number.NaN,
      indexMB: Number.NaN,
      kinds: mini?.kinds ?? new Map(),
    });
  }

  log(`${corpus.name}: building the FTS5 index…`);
  collect();
  const started = performance.now();
  const fts = FtsSearch.create(rows, STOP_WORDS);
  const ftsBuildS = (performance.now() - started) / 1000;
  const ftsFile = join(workDir, `${corpus.name}-fts5.sqlite`);
  rmSync(ftsFile, { force: true });
  fts.db.exec(`VACUUM INTO '${ftsFile.replace(/'/g, "''")}'`);
  log(`${corpus.name}: cold start of FTS5 in a fresh process…`);
  const ftsCold = coldStartInChild('fts5', ftsFile);
  log(`${corpus.name}: timing FTS5 queries in fresh processes…`);
  const ftsKinds = timed('fts5', ftsFile)?.kinds ?? new Map();
  const ftsSnippetKinds = timed('fts5-snippet', ftsFile)?.kinds ?? new Map();
  const ftsIndexBytes = fts.sizeBytes();
  fts.close();
  let swap: SwapPause | undefined;
  if (workerFile) {
    log(`${corpus.name}: a rebuild in the worker replacing the index, in a fresh process, pauses timed…`);
    swap = swapInChild(workerFile, lunrFile, corpus, workDir);
  }

  return {
    corpus,
    fiches: built.fiches,
    contacts: built.contacts,
    terms: built.terms,
    persistedMB: built.persistedBytes / MB,
    lunr: {
      engine: 'lunr (app)',
      buildS: built.buildS,
      indexMB: built.indexBytes / MB,
      cold: lunrCold,
      kinds: lunrKinds,
    },
    others,
    fts5: { engine: 'FTS5', buildS: ftsBuildS, indexMB: ftsIndexBytes / MB, cold: ftsCold, kinds: ftsKinds },
    fts5Snippet: {
      engine: 'FTS5 + snippet()',
      buildS: Number.NaN,
      indexMB: Number.NaN,
      kinds: ftsSnippetKinds,
    },
    queries,
    persistedFile: lunrFile,
    data: corpus.name === 'national' ? data : undefined,
    swap,
  };
}

// ─── Save → searchable, through the real SearchService ──────────────────────────────────────────────────────

interface SaveTrial {
  /** From the save to the first search that finds the new fiche. */
  searchableMs: number;
  /** From the save to the service being idle again: every rebuild the save started is over. */
  settledMs: number;
  /** Desk searches run meanwhile (from the save until settled). */
  searches: number;
  maxSearchMs: number;
  /** Longest time the main thread could not answer (event loop delay). */
  maxStallMs: number;
}

const POLL_MS = 20;
/** A save not searchable by then is reported as such (–) rather than waited for. */
const SAVE_TIMEOUT_MS = 300_000;

/**
 * The index worker as the app ships it: bundled to CommonJS by esbuild with the options of
 * scripts/build-electron.mjs (a worker started from the TypeScript source spends a second or more compiling).
 * Bundled from the current sources into the work folder, so a stale dist-electron/ never skews the figures.
 */
async function bundledWorker(workDir: string): Promise<string | undefined> {
  const outfile = join(workDir, 'index-worker.cjs');
  try {
    await build({
      ...ELECTRON_BUNDLE_OPTIONS,
      entryPoints: [fileURLToPath(new URL('../electron/core/search/index-worker.ts', import.meta.url))],
      outfile,
      logLevel: 'error',
    });
    return outfile;
  } catch (error) {
    log(`could not bundle the index worker, using its TypeScript source: ${String(error)}`);
    return undefined;
  }
}

async function saveToSearchable(
  result: CorpusResult,
  trials: number,
  workerFile: string,
): Promise<SaveTrial[]> {
  const contentDir = mkdtempSync(join(tmpdir(), 'infocite-bench-content-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'infocite-bench-data-'));
  try {
    for (const file of result.corpus.files) {
      const full = join(contentDir, file.path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, file.text);
    }
    // The persisted index must carry the folder's own hash for the service to start from it, as the app does.
    const snapshot = readContentFolder(contentDir);
    const data = result.data ?? buildSearchData(result.corpus.files, snapshot.hash);
    mkdirSync(dirname(indexFile(dataDir)), { recursive: true });
    writeFileSync(indexFile(dataDir), encodeSearchData({ ...data, contentHash: snapshot.hash }));
    // The service runs in a fresh process holding what the app holds: in this one, the corpora and engines of
    // the benchmark made its collections the stalls measured.
    const requestFile = join(dataDir, 'save-request.json');
    writeFileSync(
      requestFile,
      JSON.stringify({ contentDir, dataDir, workerFile, trials } satisfies SaveRequest),
    );
    const outcome = runBenchChild('save', requestFile);
    if ('failed' in outcome) throw new Error(outcome.failed);
    return (outcome.result as { trials: SaveTrial[] }).trials;
  } finally {
    rmSync(contentDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

interface SaveRequest {
  contentDir: string;
  dataDir: string;
  workerFile: string;
  trials: number;
}

/** The child's side of the save measure: the real service on the folder, `trials` saves in a row. */
async function saveTrialsInChild(request: SaveRequest): Promise<SaveTrial[]> {
  const { contentDir, dataDir, workerFile, trials } = request;
  const service = new SearchService({ contentDir, dataDir, workerFile, watch: true });
  try {
    await service.ready();
    if (!service.status().fromCache) log('warning: the service did not start from the persisted index');
    await service.watching();
    // A desk that has been searching before the save: the process' first searches (code not yet optimised) are
    // no part of what a save costs the desk.
    const until = performance.now() + 1000;
    for (let n = 0; performance.now() < until; n++) {
      service.current().search(ONE_WORD[n % ONE_WORD.length] ?? FIRST_QUERY, { limit: LIMIT });
    }
    const out: SaveTrial[] = [];
    for (let trial = 0; trial < trials; trial++) out.push(await oneSave(service, contentDir, trial));
    return out;
  } finally {
    await service.close();
  }
}

async function oneSave(service: SearchService, contentDir: string, trial: number): Promise<SaveTrial> {
  const word = `tralalerobench${'abcdefghij'[trial] ?? 'z'}`;
  const id = `bench-sauvegarde-${trial}`;
  const file = ficheFile(
    id,
    { titre: `Nouvelle démarche ${word}`, themes: ['etat-civil'] },
    `## Démarche\n\nUne fiche écrite pendant la mesure : ${word}.`,
  );
  const delay = monitorEventLoopDelay({ resolution: 5 });
  const searchTimes: number[] = [];
  let foundAt = Number.NaN;
  let rebuilds = 0;
  const stop = service.onRebuilt(() => rebuilds++);
  const savedAt = performance.now();
  writeFileSync(join(contentDir, file.path), file.text);
  delay.enable();
  const settledAt = await new Promise<number>((resolve) => {
    let n = 0;
    const deadline = setTimeout(() => {
      clearInterval(timer);
      log(`the service had not settled ${SAVE_TIMEOUT_MS / 1000} s after the save`);
      resolve(Number.NaN);
    }, SAVE_TIMEOUT_MS);
    const timer = setInterval(() => {
      // A desk keeps searching meanwhile: time its queries, and look for the new fiche.
      const engine = service.current();
      const desk = ONE_WORD[n++ % ONE_WORD.length] ?? FIRST_QUERY;
      let started = performance.now();
      engine.search(desk, { limit: LIMIT });
      searchTimes.push(performance.now() - started);
      if (Number.isNaN(foundAt)) {
        started = performance.now();
        const found = engine.search(word, { limit: LIMIT }).results.some((hit) => hit.id === id);
        searchTimes.push(performance.now() - started);
        if (found) foundAt = performance.now();
      }
      // Settled: the fiche is found, the service has rebuilt at least once since the save and is not building.
      if (!Number.isNaN(foundAt) && rebuilds > 0 && service.status().state === 'ready') {
        clearInterval(timer);
        clearTimeout(deadline);
        resolve(performance.now());
      }
    }, POLL_MS);
  });
  delay.disable();
  stop();
  // Let the watcher's late events and the persisting pass before the next trial.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  return {
    searchableMs: foundAt - savedAt,
    settledMs: settledAt - savedAt,
    searches: searchTimes.length,
    maxSearchMs: Math.max(...searchTimes),
    maxStallMs: delay.max / 1e6,
  };
}

// ─── Output ─────────────────────────────────────────────────────────────────────────────────────────────────

function log(message: string): void {
  process.stderr.write(`… ${message}\n`);
}

const mark = (ok: boolean) => (ok ? '✓' : '✗');

type Figure = 'fresh' | 'cpu' | 'repeated';

function kindCell(result: FreshKindResult | undefined, figure: Figure = 'fresh'): string {
  if (!result) return '–';
  const { p50, p95, max } = result[figure];
  return `${ms(p50)} / ${ms(p95)} / ${ms(max)}`;
}

function p95(kinds: FreshTimings, kind: FreshKind, figure: Figure = 'fresh'): number {
  return kinds.get(kind)?.[figure].p95 ?? Number.NaN;
}

function p50(kinds: FreshTimings, kind: FreshKind): number {
  return kinds.get(kind)?.fresh.p50 ?? Number.NaN;
}

function printCorpus(result: CorpusResult, quick: boolean): void {
  const { corpus } = result;
  console.log(
    `\n━━ ${corpus.name}: ${corpus.label} (load average ${fixed(loadavg()[0] ?? Number.NaN, 2)} after it)`,
  );
  console.log(
    `   ${result.fiches.toLocaleString('en')} published fiches, ${result.contacts} contacts, ` +
      `${result.terms.toLocaleString('en')} indexed terms; persisted index (binary) ${fixed(result.persistedMB)} MB`,
  );
  const rows = [result.lunr, ...result.others, result.fts5, result.fts5Snippet];
  const header = ['engine', 'build s', 'index MB', 'load ms', 'cold ms', 'heap MB', ...FRESH_KINDS];
  const row = (r: EngineRow, figure: Figure = 'fresh', label = r.engine) => [
    label,
    fixed(r.buildS, 2),
    fixed(r.indexMB),
    ms(r.cold?.loadMs ?? Number.NaN),
    ms(r.cold?.coldMs ?? Number.NaN),
    fixed(r.cold?.heapMB ?? Number.NaN),
    ...FRESH_KINDS.map((kind) => kindCell(r.kinds.get(kind), figure)),
  ];
  console.log(
    `   fresh queries: each run once, never seen before, each engine in a fresh process holding its index alone — ` +
      `p50 / p95 / max ms (wall time)`,
  );
  console.log(
    formatTable(
      header,
      rows.map((r) => row(r)),
    ),
  );
  const ratioRow = (
    label: string,
    of: (kinds: FreshTimings, kind: FreshKind) => number,
    other: EngineRow,
  ) => [
    label,
    ...FRESH_KINDS.map((kind) => `×${fixed(of(result.lunr.kinds, kind) / of(other.kinds, kind), 2)}`),
  ];
  const ratios = rows
    .slice(1)
    .flatMap((other) => [
      ratioRow(`app / ${other.engine}, p50`, p50, other),
      ratioRow(`app / ${other.engine}, p95`, (kinds, kind) => p95(kinds, kind), other),
    ]);
  console.log(`   ratios (below 1: the app is faster)`);
  console.log(formatTable(['ratio', ...FRESH_KINDS], ratios));
  console.log(`   the same queries run a second time (caches answer: not what agents feel)`);
  console.log(
    formatTable(
      ['engine', ...FRESH_KINDS],
      rows.map((r) => [r.engine, ...FRESH_KINDS.map((kind) => kindCell(r.kinds.get(kind), 'repeated'))]),
    ),
  );
  console.log(
    `   CPU time of the app's fresh queries (user + system of the process timing them; wall time minus the other ` +
      `processes' turns): ${FRESH_KINDS.map((kind) => `${kind} ${kindCell(result.lunr.kinds.get(kind), 'cpu')}`).join(', ')}`,
  );
  const counts = FRESH_KINDS.map((kind) => `${result.queries.measure[kind].length} ${kind}`).join(', ');
  console.log(
    `   measured: ${counts} queries (as many others for the warm-up, run in rounds for ${WARMUP_MS / 1000} s), limit ${LIMIT}, snippets included for ` +
      `the app and FTS5 + snippet()${quick ? ', quick run' : ''}; examples: ` +
      FRESH_KINDS.map((kind) => `« ${result.queries.measure[kind][0] ?? ''} »`).join(', '),
  );
  const empties = (r: EngineRow) =>
    FRESH_KINDS.map((kind) => {
      const k = r.kinds.get(kind);
      return k ? `${kind} ${k.empty}/${k.count}` : kind;
    }).join(', ');
  for (const r of rows.slice(0, -1)) console.log(`   no result: ${r.engine}: ${empties(r)}`);
  const cold = result.lunr.cold;
  console.log(
    `   lunr cold: ${ms(cold?.readMs ?? Number.NaN)} ms to read the file, ${ms(cold?.loadMs ?? Number.NaN)} ms to ` +
      `open it lazily (sizes and shapes checked), first result at ${ms(cold?.coldMs ?? Number.NaN)} ms, ` +
      `heap ${fixed(cold?.heapMB ?? Number.NaN)} MB; then the whole file's CRC-32, checked in steps while it ` +
      `answers, ${ms(cold?.checksumMs ?? Number.NaN)} ms`,
  );
  const swap = result.swap;
  if (swap)
    console.log(
      `   rebuild → swap: built in the worker in ${fixed(swap.buildS, 1)} s; from the bytes received to the new ` +
        `engine in place ${ms(swap.swapMs)} ms (decoded and prepared in steps), then a first search ${ms(swap.firstSearchMs)} ms; ` +
        `longest main-thread pause during the swap ` +
        `${ms(swap.maxPauseAtSwapMs)} ms, over the whole rebuild ${ms(swap.maxPauseMs)} ms (1 ms timer)`,
    );
}

function printTargets(result: CorpusResult, quick: boolean, save: SaveTrial[] | undefined): void {
  const kinds = result.lunr.kinds;
  const lines: string[] = [];
  if (result.corpus.name === 'national') {
    const t = TARGETS.national;
    for (const kind of DESK_KINDS) {
      const value = p95(kinds, kind);
      lines.push(`${kind} p95 ${ms(value)} ms ≤ ${t.shortP95} ms ${mark(value <= t.shortP95)}`);
    }
    const long = p95(kinds, 'pasted question');
    lines.push(`pasted question p95 ${ms(long)} ms ≤ ${t.longP95} ms ${mark(long <= t.longP95)}`);
    const cold = result.lunr.cold?.coldMs ?? Number.NaN;
    lines.push(`cold start to first result ${ms(cold)} ms ≤ ${t.coldMs} ms ${mark(cold <= t.coldMs)}`);
    const pause = result.swap?.maxPauseAtSwapMs ?? Number.NaN;
    lines.push(
      `main-thread pause when a rebuilt index replaces the current one ${ms(pause)} ms ≤ ${t.swapPauseMs} ms ${mark(pause <= t.swapPauseMs)}`,
    );
    if (save && save.length > 0) {
      const worst = Math.max(...save.map((trial) => trial.searchableMs));
      lines.push(
        `save → searchable ${ms(worst)} ms (worst of ${save.length}) ≤ ${t.saveMs} ms ${mark(worst <= t.saveMs)}`,
      );
    }
  } else if (result.corpus.name === 'synthetic') {
    const t = TARGETS.synthetic;
    for (const kind of DESK_KINDS) {
      const value = p95(kinds, kind);
      lines.push(`${kind} p95 ${ms(value)} ms ≤ ${t.shortP95} ms ${mark(value <= t.shortP95)}`);
    }
    const size = result.persistedMB;
    lines.push(`persisted index ${fixed(size)} MB ≤ ${t.persistedMB} MB ${mark(size <= t.persistedMB)}`);
    const cold = result.lunr.cold?.coldMs ?? Number.NaN;
    lines.push(`cold start to first result ${ms(cold)} ms ≤ ${t.coldMs} ms ${mark(cold <= t.coldMs)}`);
    const heap = result.lunr.cold?.heapMB ?? Number.NaN;
    lines.push(
      `heap of the loaded engine (fresh process, after the first result) ${fixed(heap)} MB ≤ ${t.heapMB} MB ${mark(heap <= t.heapMB)}`,
    );
    if (result.fiches < 20_000)
      lines.push(`(the targets are for 20,000 fiches; this run has ${result.fiches.toLocaleString('en')})`);
  }
  if (lines.length === 0) return;
  console.log(`   targets (lunr, the app's search, fresh queries, wall time):`);
  for (const line of lines) console.log(`     ${line}`);
}

function printSave(trials: SaveTrial[], worker: string, fromSource: SaveTrial[]): void {
  console.log(`\n━━ editor saves a fiche → searchable (national corpus, real SearchService, watch: true)`);
  const row = (label: string, trial: SaveTrial) => [
    label,
    ms(trial.searchableMs),
    ms(trial.settledMs),
    String(trial.searches),
    ms(trial.maxSearchMs),
    ms(trial.maxStallMs),
  ];
  const rows = [
    ...trials.map((trial, i) => row(`save ${i + 1}`, trial)),
    ...fromSource.map((trial) => row('save, worker from source (dev)', trial)),
  ];
  console.log(
    formatTable(
      [
        'trial',
        'searchable ms',
        'all rebuilds done ms',
        'desk searches meanwhile',
        'max search ms',
        'max main-thread stall ms',
      ],
      rows,
    ),
  );
  const answered = [...trials, ...fromSource].every((trial) => trial.searches > 0);
  console.log(
    `   index worker: ${worker}. A desk search every ${POLL_MS} ms from the save until the service is idle ` +
      `again: kept answering: ${answered ? 'yes' : 'no'}; the stall is the longest the main thread could ` +
      `not run them (event loop delay). Times include the service's 250 ms quiet period.`,
  );
}

// ─── Main ───────────────────────────────────────────────────────────────────────────────────────────────────

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        corpus: { type: 'string', default: 'all' },
        quick: { type: 'boolean', default: false },
        fiches: { type: 'string' },
        reimport: { type: 'boolean', default: false },
        child: { type: 'string' },
        file: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        journal: { type: 'boolean', default: false },
        indicateurs: { type: 'boolean', default: false },
        'premiere-synchro': { type: 'boolean', default: false },
        bureaux: { type: 'boolean', default: false },
        // --journal, --indicateurs, --bureaux: the same measures on PostgreSQL too (« auto », or --postgres: a
        // throwaway cluster), printed beside SQLite's.
        database: { type: 'string' },
        postgres: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  }
  const { values } = parsed;
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (values.child === 'swap') {
    const request = JSON.parse(readFileSync(values.file ?? '', 'utf8')) as SwapRequest;
    // The app's state before the swap: the current engine loaded from its persisted index, answering.
    const current = loadLunr(request.index).engine;
    current.search(FIRST_QUERY, { limit: LIMIT });
    collect();
    const swap = await measureSwapPause(request.worker, request.files, request.hash, FIRST_QUERY);
    _keptAlive = current;
    console.log(JSON.stringify(swap));
    return;
  }
  if (values.child === 'save') {
    const request = JSON.parse(readFileSync(values.file ?? '', 'utf8')) as SaveRequest;
    console.log(JSON.stringify({ trials: await saveTrialsInChild(request) }));
    return;
  }
  if (values.child === 'fresh') {
    await freshChild(values.file ?? '');
    return;
  }
  if (values.child === 'lunr' || values.child === 'fts5') {
    console.log(JSON.stringify(childColdStart(values.child, values.file ?? '')));
    return;
  }
  const database = values.database ?? (values.postgres ? 'auto' : undefined);
  if (values.bureaux || values.journal || values.indicateurs) {
    const postgres = database === undefined ? undefined : await postgresTarget(database);
    if (postgres) console.log(`PostgreSQL beside SQLite: ${postgres.label}`);
    try {
      if (values.bureaux) await benchBureaux({ quick: values.quick, postgres });
      if (values.journal) await benchJournal({ quick: values.quick, postgres });
      if (values.indicateurs) await benchIndicators({ quick: values.quick, postgres });
    } finally {
      await postgres?.stop();
    }
    return;
  }
  if (values['premiere-synchro']) {
    // Optional: only where the shared corpus is installed (the national fiches are imported once, cached).
    if (!existsSync(SERVICE_PUBLIC_ZIP)) {
      console.log(`(first sync not measured: ${SERVICE_PUBLIC_ZIP} is absent)`);
      return;
    }
    await benchFirstSync(await nationalFolder(values.reimport), 'national fiches of Service-Public.fr');
    return;
  }
  // `--fiches N` alone measures the generated corpus of N fiches alone.
  const wanted = values.fiches !== undefined && values.corpus === 'all' ? 'synthetic' : values.corpus;
  const fichesCount = values.fiches === undefined ? undefined : Number(values.fiches);
  if (fichesCount !== undefined && !(Number.isInteger(fichesCount) && fichesCount > 0)) {
    console.error(`--fiches attend un nombre de fiches.\n${USAGE}`);
    process.exit(2);
  }
  if (!['demo', 'national', 'synthetic', 'all'].includes(wanted)) {
    console.error(`--corpus attend demo, national, synthetic ou all.\n${USAGE}`);
    process.exit(2);
  }
  if (!gc) log('warning: run with --expose-gc (npm run bench does) for the heap figures');
  const quick = values.quick;
  const workDir = mkdtempSync(join(tmpdir(), 'infocite-bench-'));
  console.log(
    `Info'Cité search benchmark — node ${process.version}, ${availableParallelism()} cores, ` +
      `load average ${fixed(loadavg()[0] ?? Number.NaN, 2)} at start, ${quick ? 'quick run' : 'full run'}, ` +
      `${new Date().toISOString().slice(0, 16)}`,
  );
  try {
    const demo = demoCorpus();
    const all = wanted === 'all';
    if (all || wanted === 'demo') {
      const result = await benchCorpus(demo, quick, workDir);
      printCorpus(result, quick);
    }
    let national: Corpus | undefined;
    if (all || wanted === 'national' || wanted === 'synthetic') {
      try {
        national = await nationalCorpus(demo, values.reimport);
      } catch (error) {
        console.log(
          `\n(national corpus unavailable: ${error instanceof Error ? error.message : String(error)})`,
        );
      }
    }
    if (national && (all || wanted === 'national')) {
      const bundled = await bundledWorker(workDir);
      const result = await benchCorpus(national, quick, workDir, bundled ?? WORKER_SOURCE_FILE);
      printCorpus(result, quick);
      log('national: save → searchable through the SearchService…');
      try {
        const save = await saveToSearchable(result, quick ? 1 : 3, bundled ?? WORKER_SOURCE_FILE);
        printTargets(result, quick, save);
        // For reference: the worker started from its TypeScript source, as in development and the tests.
        const fromSource = bundled && !quick ? await saveToSearchable(result, 1, WORKER_SOURCE_FILE) : [];
        const worker = bundled ? 'bundled .cjs, as the app ships it' : 'TypeScript source through tsx';
        printSave(save, worker, fromSource);
      } catch (error) {
        printTargets(result, quick, undefined);
        console.log(`\n(save → searchable could not be measured: ${String(error)})`);
      }
      levers(result);
    }
    if (all || wanted === 'synthetic') {
      const count = fichesCount ?? (quick ? SYNTHETIC_COUNT.quick : SYNTHETIC_COUNT.full);
      log(`synthetic: generating ${count} fiches…`);
      const result = await benchCorpus(syntheticCorpus(demo, national, count), quick, workDir);
      printCorpus(result, quick);
      printTargets(result, quick, undefined);
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** A lever turned off: a switch set to false, a cap lifted to Infinity. */
function leverOff(value: SearchTuning[keyof SearchTuning]): SearchTuning[keyof SearchTuning] {
  return typeof value === 'boolean' ? !value : Number.POSITIVE_INFINITY;
}

/**
 * The national corpus with each of the engine's levers (SearchTuning) turned off in turn, and each cache emptied
 * before every query: what each one buys, on fresh queries (p95 ms, wall time).
 */
function levers(result: CorpusResult): void {
  const data = result.data ?? buildSearchData(result.corpus.files, result.corpus.hash);
  const names = Object.keys(DEFAULT_TUNING) as Array<keyof SearchTuning>;
  const rows: string[][] = [];
  const variants: Array<[string, SearchTuning, ((engine: SearchEngine) => void)?]> = [
    ['all on (default)', DEFAULT_TUNING],
    ...names.map((name): [string, SearchTuning] => [
      `${name}: ${String(DEFAULT_TUNING[name])} → ${String(leverOff(DEFAULT_TUNING[name]))}`,
      { ...DEFAULT_TUNING, [name]: leverOff(DEFAULT_TUNING[name]) },
    ]),
    ['analyzer caches (stems, words) emptied before each query', DEFAULT_TUNING, () => clearAnalyzerCaches()],
    [
      'prefix and fuzzy expansion caches emptied before each query',
      DEFAULT_TUNING,
      (engine) => engine.clearCaches(),
    ],
  ];
  for (const [label, tuning, beforeEach] of variants) {
    log(`levers: ${label}…`);
    const engine = new SearchEngine(data, tuning);
    const searcher: Searcher = beforeEach
      ? {
          search: (query) => {
            beforeEach(engine);
            return engine.search(query, { limit: LIMIT }).results.length;
          },
        }
      : lunrSearcher(engine);
    const kinds = timeEngine(searcher, result.queries);
    rows.push([
      label,
      ...FRESH_KINDS.map((kind) => `${ms(p95(kinds, kind))} (${ms(p95(kinds, kind, 'repeated'))})`),
    ]);
  }
  console.log(
    `\n━━ levers: national corpus, the app's p95 ms on fresh queries (in brackets: the same queries repeated), ` +
      `each SearchTuning lever turned off and each cache emptied in turn`,
  );
  console.log(formatTable(['lever', ...FRESH_KINDS], rows));
}

await main();
