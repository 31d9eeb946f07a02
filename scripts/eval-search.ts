// npm run eval:search -- [--national DIR | --local-only] [--archive ZIP] [--content DIR] [--relevance FILE] [--json]
// Measures the fiches search on the relevance set (eval/relevance.yml): success@1/3/10, MRR and time per query,
// overall and per kind of query, then lists the failures. See electron/core/search/evaluation.ts.
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ContentFolderError } from '../electron/core/knowledge/content-files';
import type { SearchEngine } from '../electron/core/search/engine';
import type { Metrics, QueryOutcome, RelevanceCase } from '../dev/search-evaluation/evaluation';
import {
  buildEngine,
  engineSearch,
  failuresAt,
  importNationalArchive,
  loadRelevanceSet,
  readContentFolders,
  RelevanceSetError,
  restrictToKnown,
  runRelevanceSet,
  summarize,
  unknownExpectations,
} from '../dev/search-evaluation/evaluation';
import { DEMO_CONTENT_DIR, PROJECT_ROOT } from './lib/paths';
import { fail, parseCommandLine } from './lib/cli';
import { IMPORTER_VERSION } from '../electron/core/import/service-public/import';

const USAGE = `Usage : npm run eval:search -- [options]
  --national DIR     dossier de fiches nationales déjà importées (sinon : import de l'archive, mis en cache)
  --archive ZIP      archive Service-Public.fr à importer (défaut : ${defaultArchive()})
  --local-only       le contenu de démonstration seul (les requêtes sans fiche attendue locale sont ignorées)
  --content DIR      contenu local (défaut : content/)
  --relevance FILE   jeu de pertinence (défaut : eval/relevance.yml)
  --failures K       liste les requêtes sans fiche attendue dans les K premiers résultats (défaut : 3)
  --json             métriques au format JSON sur la sortie standard`;

function defaultArchive(): string {
  return resolve(PROJECT_ROOT, '../shared/corpus/service-public/vosdroits-particuliers-2020-11.zip');
}

const { values } = parseCommandLine(
  {
    options: {
      national: { type: 'string' },
      archive: { type: 'string' },
      'local-only': { type: 'boolean', default: false },
      content: { type: 'string' },
      relevance: { type: 'string' },
      failures: { type: 'string', default: '3' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  },
  USAGE,
);
if (values.national && values['local-only']) fail(`--national et --local-only s'excluent.\n${USAGE}`);
const failureDepth = Number(values.failures);
if (!Number.isInteger(failureDepth) || failureDepth < 1 || failureDepth > 10)
  fail(`--failures attend un entier de 1 à 10.\n${USAGE}`);

const contentDir = resolve(values.content ?? DEMO_CONTENT_DIR);
const relevancePath = resolve(values.relevance ?? join(PROJECT_ROOT, 'eval/relevance.yml'));
/** Progress and warnings go to stderr, so that --json leaves a clean stdout. */
const log = (message: string) => console.error(message);

let cases: RelevanceCase[];
try {
  cases = loadRelevanceSet(relevancePath);
} catch (error) {
  if (error instanceof RelevanceSetError) fail(error.message);
  throw error;
}

/** The national fiches folder: given, or the archive imported once into a cache keyed by its size and date. */
async function nationalFolder(): Promise<string | undefined> {
  if (values['local-only']) return undefined;
  if (values.national) return resolve(values.national);
  const archive = resolve(values.archive ?? defaultArchive());
  let stat;
  try {
    stat = statSync(archive);
  } catch {
    fail(`Archive introuvable : ${archive}\nIndiquez --archive ZIP, --national DIR ou --local-only.`);
  }
  const cache = join(
    tmpdir(),
    `infocite-national-v${IMPORTER_VERSION}-${stat.size}-${Math.floor(stat.mtimeMs)}`,
  );
  if (existsSync(cache)) {
    log(`Fiches nationales : ${cache} (cache)`);
    return cache;
  }
  // Imported beside the cache and renamed once complete: an interrupted import is never taken for a cache.
  const partial = `${cache}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  const started = performance.now();
  let last = 0;
  let imported;
  try {
    imported = await importNationalArchive(archive, partial, (done, total) => {
      const now = performance.now();
      if (process.stderr.isTTY && (now - last > 250 || done === total)) {
        last = now;
        process.stderr.write(`\rImport de ${archive} : ${done}/${total}`);
      }
    });
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
  if (process.stderr.isTTY) process.stderr.write('\n');
  renameSync(partial, cache);
  log(
    `Fiches nationales importées dans ${cache} : ${imported.total} lues, ${imported.errors.length} en erreur (${seconds(performance.now() - started)})`,
  );
  for (const error of imported.errors.slice(0, 10)) log(`  ${error.file} : ${error.reason}`);
  return cache;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

const national = await nationalFolder();
let content;
try {
  content = readContentFolders([
    { dir: contentDir },
    ...(national ? [{ dir: national, prefix: 'national/' }] : []),
  ]);
} catch (error) {
  if (error instanceof ContentFolderError) fail(error.message);
  throw error;
}
if (content.collisions.length > 0) {
  fail(
    `Identifiants définis plusieurs fois (l'un des fichiers serait ignoré et la mesure faussée) :\n${content.collisions
      .map((c) => `  ${c.id} : ${c.paths.join(', ')}`)
      .join('\n')}`,
    1,
  );
}

const buildStarted = performance.now();
const engine = buildEngine(content);
const buildMs = performance.now() - buildStarted;
const published = engine.knowledge.fiches.filter((f) => engine.fiche(f.id));
const localCount = published.filter((f) => f.origine === 'local').length;
const nationalCount = published.length - localCount;
const errors = engine.knowledge.problems.filter((p) => p.severity === 'erreur');
if (errors.length > 0) log(`Attention : ${errors.length} fichier(s) invalide(s) ignoré(s).`);

const isKnown = (id: string) => engine.fiche(id) !== undefined;
let evaluated = cases;
let skipped: RelevanceCase[] = [];
const unknown = national ? unknownExpectations(cases, isKnown) : [];
if (!national) ({ cases: evaluated, skipped } = restrictToKnown(cases, isKnown));

// One search before measuring, so that the first query does not pay for the JIT warm-up.
engine.search('carte identité', { limit: 10 });
const report = summarize(runRelevanceSet(evaluated, engineSearch(engine)));
const failures = failuresAt(report.outcomes, failureDepth);

function hit(id: string) {
  return { id, titre: engine.fiche(id)?.titre ?? '(fiche inconnue)' };
}

function round(metrics: Metrics) {
  const r = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
  return {
    queries: metrics.queries,
    success1: r(metrics.success1, 4),
    success3: r(metrics.success3, 4),
    success10: r(metrics.success10, 4),
    mrr: r(metrics.mrr, 4),
    p50Ms: r(metrics.p50Ms, 2),
    p95Ms: r(metrics.p95Ms, 2),
  };
}

if (values.json) {
  console.log(
    JSON.stringify(
      {
        relevance: relevancePath,
        corpus: {
          local: localCount,
          national: nationalCount,
          nationalDir: national ?? null,
          buildMs: Math.round(buildMs),
        },
        metrics: {
          overall: round(report.overall),
          short: round(report.byKind.short),
          long: round(report.byKind.long),
        },
        failures: failures.map((o) => ({
          query: o.query,
          kind: o.kind,
          expected: o.expected,
          rank: o.rank,
          top3: o.returned.slice(0, 3).map(hit),
        })),
        unknownExpected: unknown,
        skipped: skipped.map((c) => c.query),
      },
      null,
      2,
    ),
  );
} else {
  printReport(engine);
}

function printReport(engine: SearchEngine): void {
  const out: string[] = [];
  out.push(
    `Corpus : ${localCount} fiches locales + ${nationalCount} nationales (index construit en ${seconds(buildMs)})`,
    `Jeu de pertinence : ${relevancePath} (${cases.length} requêtes${skipped.length > 0 ? `, ${skipped.length} ignorées faute de fiche attendue dans ce corpus` : ''})`,
    '',
    `${'requêtes'.padEnd(12)}${['n', 's@1', 's@3', 's@10', 'MRR', 'p50 ms', 'p95 ms'].map((h) => h.padStart(8)).join('')}`,
  );
  const row = (label: string, m: Metrics) =>
    `${label.padEnd(12)}${[
      String(m.queries),
      m.success1.toFixed(3),
      m.success3.toFixed(3),
      m.success10.toFixed(3),
      m.mrr.toFixed(3),
      m.p50Ms.toFixed(1),
      m.p95Ms.toFixed(1),
    ]
      .map((cell) => cell.padStart(8))
      .join('')}`;
  out.push(
    row('toutes', report.overall),
    row('courtes', report.byKind.short),
    row('longues', report.byKind.long),
  );
  if (unknown.length > 0) {
    out.push('', `Identifiants attendus absents du corpus (${unknown.length} requêtes) :`);
    for (const u of unknown) out.push(`  « ${u.query.slice(0, 60)} » : ${u.ids.join(', ')}`);
  }
  out.push('', `Échecs (aucune fiche attendue dans les ${failureDepth} premiers) : ${failures.length}`);
  for (const o of failures) out.push(...describeFailure(engine, o));
  console.log(out.join('\n'));
}

function describeFailure(engine: SearchEngine, o: QueryOutcome): string[] {
  const where = o.rank === null ? 'absente du top 10' : `rang ${o.rank}`;
  const expected = o.expected.map((id) => `${id} « ${engine.fiche(id)?.titre ?? '?'} »`).join(' ; ');
  const got =
    o.returned.length === 0
      ? '(aucun résultat)'
      : o.returned
          .slice(0, 3)
          .map((id, i) => `${i + 1}. ${id} « ${engine.fiche(id)?.titre ?? '?'} »`)
          .join('  ');
  return [`- [${o.kind}] ${o.query}  → ${where}`, `    attendu : ${expected}`, `    obtenu  : ${got}`];
}
