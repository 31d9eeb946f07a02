// npm run import:annuaire -- --from FICHIER.jsonl --commune INSEE --out DOSSIER [--types FICHIER.yaml] [--dry-run]
// Writes one contact per service of the commune (and the nearest competent ones) from DILA's « Annuaire de
// l'administration » export; see electron/core/import/annuaire/select.ts for the selection rule.
import { readFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { AnnuaireImportError, formatReport, importAnnuaire } from '../electron/core/import/annuaire/import';
import { parsePivotLabels } from '../electron/core/import/annuaire/records';
import { fail, parseCommandLine } from './lib/cli';

const USAGE = `Usage : npm run import:annuaire -- --from FICHIER.jsonl --commune CODE_INSEE --out DOSSIER
        [--types types-pivot-local.yaml] [--dry-run]

  --from     export JSON lines de l'Annuaire de l'administration (DILA)
  --commune  code INSEE de la commune (25056 pour Besançon ; ce n'est pas le code postal)
  --out      dossier des contacts importés, dans un dossier « contacts » (par exemple content/contacts/annuaire)
  --types    libellés des codes pivots, pour le compte rendu (facultatif)
  --dry-run  affiche le compte rendu sans rien écrire`;

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') fail(`Le fichier ${what} « ${path} » n'existe pas.`);
    if (code === 'EISDIR') fail(`« ${path} » est un dossier, pas le fichier ${what}.`);
    fail(
      `Impossible de lire le fichier ${what} « ${path} » : ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

const { values } = parseCommandLine(
  {
    options: {
      from: { type: 'string' },
      commune: { type: 'string' },
      out: { type: 'string' },
      types: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  },
  USAGE,
);
const missing = (['from', 'commune', 'out'] as const).filter((name) => !values[name]);
if (missing.length > 0)
  fail(`Option manquante : ${missing.map((name) => `--${name}`).join(', ')}.\n${USAGE}`);

const from = resolve(values.from ?? '');
const outDir = resolve(values.out ?? '');
const content = readText(from, "de l'annuaire");
const typeLabels = values.types ? parsePivotLabels(readText(resolve(values.types), 'des types')) : undefined;

if (!outDir.split(sep).includes('contacts')) {
  console.warn(
    `Attention : « ${outDir} » n'est pas dans un dossier nommé « contacts » ; l'application y lirait des fiches, pas des contacts.`,
  );
}

try {
  const report = importAnnuaire({
    content,
    insee: values.commune ?? '',
    outDir,
    dryRun: values['dry-run'],
    typeLabels,
  });
  console.log(formatReport(report));
} catch (error) {
  if (error instanceof AnnuaireImportError) fail(error.message);
  fail(`L'import a échoué : ${error instanceof Error ? error.message : String(error)}`, 1);
}
