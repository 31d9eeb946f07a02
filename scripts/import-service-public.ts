// npm run import:service-public -- --from ARCHIVE.zip|DOSSIER --out DOSSIER
// Imports DILA's « vosdroits » fiches (Service-Public.fr, Publication.xsd 3.3) as national fiches, one
// F123.md per F123.xml; see electron/core/import/service-public/import.ts.
import { resolve } from 'node:path';
import cliProgress from 'cli-progress';
import {
  ImportError,
  formatSummary,
  importServicePublic,
} from '../electron/core/import/service-public/import';
import { fail, parseCommandLine } from './lib/cli';

const USAGE = `Usage : npm run import:service-public -- --from ARCHIVE.zip --out DOSSIER

  --from  archive « vosdroits » de la DILA (fichier .zip) ou dossier des fichiers XML décompressés
  --out   dossier des fiches nationales (par exemple content/national) ; seuls les fichiers dont
          l'en-tête indique « origine: national » y sont remplacés ou supprimés`;

const { values } = parseCommandLine(
  {
    options: {
      from: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  },
  USAGE,
);
const missing = (['from', 'out'] as const).filter((name) => !values[name]?.trim());
if (missing.length > 0) {
  fail(`Option manquante : ${missing.map((name) => `--${name}`).join(', ')}.\n${USAGE}`);
}

/** A bar on a terminal; elsewhere (logs, CI) a line at each quarter. */
function progressReporter(): { update: (done: number, total: number) => void; stop: () => void } {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream: process.stderr,
        format: 'Import des fiches {bar} {value}/{total} ({percentage} %) | {duration_formatted}',
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(done, total) {
        if (!started) bar.start(total, done);
        started = true;
        bar.update(done);
      },
      stop: () => bar.stop(),
    };
  }
  let nextQuarter = 0;
  return {
    update(done, total) {
      while (nextQuarter <= 4 && done >= (total * nextQuarter) / 4) {
        console.error(`Import des fiches : ${done}/${total} (${nextQuarter * 25} %)`);
        nextQuarter++;
      }
    },
    stop: () => undefined,
  };
}

const progress = progressReporter();
try {
  const report = await importServicePublic({
    from: resolve(values.from ?? ''),
    outDir: resolve(values.out ?? ''),
    onProgress: progress.update,
  });
  progress.stop();
  for (const error of report.errors) console.error(`Fichier ignoré : ${error.file} — ${error.reason}`);
  console.log(formatSummary(report));
} catch (error) {
  progress.stop();
  if (error instanceof ImportError) fail(error.message);
  fail(`L'import a échoué : ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, 1);
}
