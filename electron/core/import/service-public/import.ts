// The whole import of DILA's `vosdroits` archive: read it, convert each F*.xml fiche, sync the output folder,
// and say what happened in French. Async and yielding between batches, so that a caller with an event loop
// (the app's main process) keeps answering while it runs; `onProgress` reports each step.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ArchiveFile } from './read-archive';
import { ArchiveError, readArchive } from './read-archive';
import type { OutputFile, SyncCounts } from './sync-folder';
import { syncFolder } from './sync-folder';
import type { ImportedFiche } from './xml-to-fiche';
import { DOSSIER_FILE, FICHE_FILE, renderFicheFile, scanTitles, xmlToFiche } from './xml-to-fiche';

/** The request cannot be carried out (missing or unreadable archive…): nothing was written. */
export class ImportError extends Error {}

export interface FileError {
  /** File name in the archive (or in the output folder, for a conflict). */
  file: string;
  /** Why it was skipped, in French. */
  reason: string;
}

export interface ImportOptions {
  /** A zip archive or a folder of XML files. */
  from: string;
  /** The folder of the national fiches. */
  outDir: string;
  /** Called as fiches are converted: `done` of `total` F*.xml files. */
  onProgress?: (done: number, total: number) => void;
}

export interface ImportReport {
  /** F*.xml files found in the archive. */
  total: number;
  /** Guided searches of the archive, left out (see GUIDED_SEARCH). */
  guided: string[];
  /** N*.xml dossiers found (read for their titles only). */
  dossiers: number;
  sync: SyncCounts;
  errors: FileError[];
  durationMs: number;
}

/** Bumped whenever the conversion changes, so caches of imported fiches (evaluation, benchmark) are redone. */
export const IMPORTER_VERSION = 4;

const BATCH = 50;

/**
 * "Recherche guidée" publications are Service-Public.fr's navigation trees ("**CNI -Perte majeur"): internal
 * titles and no text of their own. As fiches they would only crowd the results, so they are left out; their
 * links still lead to the real fiches.
 */
const GUIDED_SEARCH = /<Publication\b[^>]*\btype="Recherche guidée"/;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Links to a fiche of the archive whose XML was broken this time, and that the output folder does not hold
 * from an earlier run, would point nowhere: they go to Service-Public.fr instead.
 */
function relinkMissing(body: string, missing: ReadonlySet<string>): string {
  if (missing.size === 0) return body;
  return body.replace(/(?<!\\)\]\(fiche:(F\d+)\)/g, (whole: string, id: string) =>
    missing.has(id) ? `](https://www.service-public.fr/particuliers/vosdroits/${id})` : whole,
  );
}

export async function importServicePublic(options: ImportOptions): Promise<ImportReport> {
  const started = performance.now();
  let files: ArchiveFile[];
  try {
    files = readArchive(options.from);
  } catch (error) {
    if (error instanceof ArchiveError) throw new ImportError(error.message);
    throw error;
  }
  const all = files.filter((file) => FICHE_FILE.test(file.name));
  const fiches = all.filter((file) => !GUIDED_SEARCH.test(file.text.slice(0, 2000)));
  const guided = all.filter((file) => !fiches.includes(file)).map((file) => file.name);
  const dossiers = files.filter((file) => DOSSIER_FILE.test(file.name));
  if (all.length === 0) {
    // Also what protects the national fiches already imported from being all deleted by a wrong archive.
    throw new ImportError(
      `« ${options.from} » ne contient aucune fiche F*.xml : ce n'est pas une archive « vosdroits » de la DILA.`,
    );
  }

  const titles = new Map<string, string>();
  for (const file of [...fiches, ...dossiers]) {
    for (const [id, title] of scanTitles(file.text, file.name.replace(/\.xml$/i, ''))) {
      if (!titles.has(id)) titles.set(id, title);
    }
  }
  const targets = {
    fiches: new Set(fiches.map((file) => file.name.replace(/\.xml$/i, ''))),
    titles,
  };

  const converted: ImportedFiche[] = [];
  const errors: FileError[] = [];
  const total = fiches.length;
  options.onProgress?.(0, total);
  for (let i = 0; i < total; i++) {
    const file = fiches[i] as ArchiveFile;
    const result = xmlToFiche(file, targets);
    if (result.ok) converted.push(result.fiche);
    else errors.push({ file: file.name, reason: result.reason });
    if ((i + 1) % BATCH === 0 || i + 1 === total) {
      options.onProgress?.(i + 1, total);
      await yieldToEventLoop();
    }
  }

  // A broken fiche keeps its previous version, if any; links to one that has none go to Service-Public.fr.
  const failed = errors.map((error) => error.file.replace(/\.xml$/i, ''));
  const keep = new Set(failed.map((id) => `${id}.md`));
  const missing = new Set(failed.filter((id) => !existsSync(join(options.outDir, `${id}.md`))));
  const outputs: OutputFile[] = converted.map((fiche) => ({
    name: `${fiche.id}.md`,
    text: renderFicheFile({ ...fiche, body: relinkMissing(fiche.body, missing) }),
  }));
  const sync = syncFolder(options.outDir, outputs, { keep });
  for (const name of sync.conflicts) {
    errors.push({
      file: name,
      reason:
        "un fichier de la commune (qui n'est pas une fiche nationale) porte déjà ce nom : il n'a pas été remplacé",
    });
  }
  return {
    total: all.length,
    guided,
    dossiers: dossiers.length,
    sync,
    errors,
    durationMs: performance.now() - started,
  };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1).replace('.', ',')} s`;
}

/** The closing summary, in French. */
export function formatSummary(report: ImportReport): string {
  const { sync } = report;
  return (
    `Import Service-Public.fr : ${report.total} fiches lues. ` +
    `${sync.created.length} créées, ${sync.updated.length} mises à jour, ${sync.unchanged.length} inchangées, ` +
    `${sync.deleted.length} supprimées, ${report.errors.length} en erreur, ` +
    `${report.guided.length} recherches guidées écartées ; durée ${seconds(report.durationMs)}.`
  );
}
