// The real data in ../shared/corpus (Service-Public.fr fiches, the Annuaire de l'administration) that the
// quality floors and the archive tests read. On a developer's machine without it those tests are skipped with a
// warning; in CI (CI set) they run anyway and fail on the missing file, so CI never passes without them.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CORPUS = new URL('../../../shared/corpus/', import.meta.url);

/** The absolute path of a file of the shared corpus (« service-public/vosdroits-….zip »). */
export function sharedCorpusFile(relative: string): string {
  return fileURLToPath(new URL(relative, CORPUS));
}

/** Whether the tests reading `file` may be skipped: only outside CI, and only when it is absent. */
export function skipWithoutCorpus(file: string, what: string, ci = process.env.CI): boolean {
  if (existsSync(file)) return false;
  if (ci) return false;
  console.warn(`${what} ignoré : ${file} est absent (corpus partagé ../shared/corpus non installé).`);
  return true;
}
