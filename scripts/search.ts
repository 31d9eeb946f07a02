// npm run search --silent -- [--content DIR] [--limit N] [--json] "query"   |   --queries FILE
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createCore } from '../electron/core/app';
import { ContentFolderError } from '../electron/core/knowledge/content-files';
import type { SearchEngine } from '../electron/core/search/engine';
import { DEMO_CONTENT_DIR, WORKER_SOURCE_FILE } from './lib/paths';
import { fail, parseCommandLine } from './lib/cli';

const USAGE = `Usage : npm run search --silent -- [--content DOSSIER] [--limit N] [--json] "requête"
        npm run search --silent -- [--content DOSSIER] [--limit N] --queries FICHIER`;

const { values, positionals } = parseCommandLine(
  {
    allowPositionals: true,
    options: {
      content: { type: 'string' },
      limit: { type: 'string', default: '10' },
      json: { type: 'boolean', default: false },
      queries: { type: 'string' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  },
  USAGE,
);
const limit = Number(values.limit);
if (!Number.isInteger(limit) || limit < 1) fail(`--limit attend un nombre entier positif.\n${USAGE}`);
const query = positionals.join(' ');
if (!values.queries && query.trim() === '') fail(`Indiquez une requête ou --queries FICHIER.\n${USAGE}`);

const contentDir = resolve(values.content ?? DEMO_CONTENT_DIR);
// The persisted index is keyed by the content's hash, so one cache folder serves every content folder.
const dataDir = resolve(values['data-dir'] ?? join(tmpdir(), 'infocite-search-cache'));

function run(engine: SearchEngine, q: string) {
  const started = performance.now();
  const response = engine.search(q, { limit });
  const took = performance.now() - started;
  return {
    query: q,
    results: response.results.map((hit) => ({ id: hit.id, title: hit.titre, score: hit.score })),
    took_ms: Math.round(took * 1000) / 1000,
  };
}

let core;
try {
  core = await createCore({ contentDir, dataDir, workerFile: WORKER_SOURCE_FILE, watch: false });
} catch (error) {
  if (error instanceof ContentFolderError) fail(error.message);
  throw error;
}
await core.search.ready();
const status = core.search.status();
if (status.state === 'error') fail(`L'index n'a pas pu être construit : ${status.error ?? ''}`, 1);
const engine = core.search.current();
if (status.fiches === 0) {
  fail(
    `Le dossier « ${contentDir} » ne contient aucune fiche lisible${status.problems ? ` (${status.problems} problème(s) détecté(s))` : ''}.`,
  );
}
const errors = engine.knowledge.problems.filter((p) => p.severity === 'erreur');
if (errors.length > 0) {
  console.error(
    `Attention : ${errors.length} fichier(s) ignoré(s) car invalides (npm run check-content pour le détail).`,
  );
}

if (values.queries) {
  let lines: string[];
  try {
    lines = readFileSync(values.queries, 'utf8')
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '');
  } catch {
    fail(`Impossible de lire le fichier de requêtes « ${values.queries} ».`);
  }
  for (const line of lines) console.log(JSON.stringify(run(engine, line)));
} else {
  const answer = run(engine, query);
  if (values.json) console.log(JSON.stringify(answer));
  else if (answer.results.length === 0) console.log(`Aucun résultat pour « ${query} ».`);
  else {
    answer.results.forEach((hit, i) =>
      console.log(`${String(i + 1).padStart(2)}. ${hit.title}  [${hit.id}]  ${hit.score}`),
    );
    console.log(`(${answer.took_ms} ms)`);
  }
}
await core.close();
