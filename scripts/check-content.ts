// npm run check-content -- [--content DIR] [--json] [--today YYYY-MM-DD]
// Checks a content folder the way the application reads it, for editors and their CI. Exit codes: 0 no error
// (warnings allowed), 1 errors found, 2 wrong command line or missing folder.
import { resolve } from 'node:path';
import { parisDay, isRealDay } from '../common/dates';
import type { CheckFinding, CheckReport } from '../electron/core/knowledge/check';
import { checkContent } from '../electron/core/knowledge/check';
import { ContentFolderError, readContentFolder } from '../electron/core/knowledge/content-files';
import { fail, parseCommandLine } from './lib/cli';
import { DEMO_CONTENT_DIR } from './lib/paths';

const USAGE = `Usage : npm run check-content -- [--content DOSSIER] [--json] [--today AAAA-MM-JJ]
  --content  dossier de contenu à vérifier (par défaut : le contenu de démonstration)
  --json     rapport en JSON : { contentDir, files, errors, warnings }
  --today    date du jour pour les fiches « à revoir » (par défaut : aujourd'hui à Paris)
Code de sortie : 0 sans erreur (avertissements permis), 1 avec erreurs, 2 si la commande est mal écrite.`;

const OPTIONS = {
  content: { type: 'string' },
  json: { type: 'boolean', default: false },
  today: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

// Not strict, so that a mistyped command line gets a French message here rather than Node's English one.
const { values, positionals } = parseCommandLine({ options: OPTIONS, strict: false }, USAGE);
const unknown = Object.keys(values).filter((name) => !(name in OPTIONS));
if (unknown.length > 0) fail(`Option inconnue : --${unknown.join(', --')}.\n${USAGE}`);
if (positionals.length > 0) fail(`Argument inattendu : « ${positionals.join(' ')} ».\n${USAGE}`);
for (const name of ['content', 'today'] as const) {
  if (values[name] !== undefined && typeof values[name] !== 'string')
    fail(`--${name} attend une valeur.\n${USAGE}`);
}
for (const name of ['json', 'help'] as const) {
  if (typeof values[name] === 'string') fail(`--${name} ne prend pas de valeur.\n${USAGE}`);
}

const today = typeof values.today === 'string' ? values.today : parisDay(new Date());
if (!isRealDay(today)) fail(`--today attend une date AAAA-MM-JJ du calendrier, pas « ${today} ».\n${USAGE}`);

const contentDir = resolve(typeof values.content === 'string' ? values.content : DEMO_CONTENT_DIR);
let files;
try {
  files = readContentFolder(contentDir).files;
} catch (error) {
  if (error instanceof ContentFolderError) fail(error.message);
  throw error;
}
const report = checkContent(files, today);

if (values.json) {
  console.log(JSON.stringify({ contentDir, ...report }, null, 2));
} else {
  console.log(humanReport(contentDir, report));
}
process.exitCode = report.errors.length > 0 ? 1 : 0;

function plural(count: number, word: string): string {
  // French: 0 and 1 take the singular.
  return `${count} ${word}${count > 1 ? 's' : ''}`;
}

/** French report grouped by file, in path order, errors before warnings, then the summary line. */
function humanReport(dir: string, { files: count, errors, warnings }: CheckReport): string {
  const byFile = new Map<string, string[]>();
  const add = (finding: CheckFinding, label: string) => {
    const place = [finding.line === null ? '' : `ligne ${finding.line}`, finding.field ?? '']
      .filter(Boolean)
      .join(', ');
    const lines = byFile.get(finding.path) ?? [];
    lines.push(`  ${label}${place ? ` (${place})` : ''} : ${finding.message} [${finding.code}]`);
    byFile.set(finding.path, lines);
  };
  for (const finding of errors) add(finding, 'erreur');
  for (const finding of warnings) add(finding, 'avertissement');
  const out = [`Vérification du contenu : ${dir}`, ''];
  for (const path of [...byFile.keys()].sort()) out.push(path, ...(byFile.get(path) ?? []), '');
  out.push(
    `${plural(errors.length, 'erreur')}, ${plural(warnings.length, 'avertissement')} dans ${plural(count, 'fichier')}.`,
  );
  return out.join('\n');
}
