// The desk's settled searches, kept for one purpose: the content-gap report (searches with no result, searches
// that ended « non résolu »). Normalised so the same question typed twice counts once, and cut short: a pasted
// email must not turn the table into a store of citizens' messages (CNIL minimisation).
import { parisDay } from '../dates';
import { RefusedError } from '../errors';
import type { Db } from '../store/database';
import { deskPoint } from './record';

export const MAX_REQUETE = 200;

/** Trimmed, lower-case, spaces collapsed, at most MAX_REQUETE characters. */
export function normaliseQuery(q: string): string {
  return q.trim().toLowerCase().replace(/\s+/g, ' ').slice(0, MAX_REQUETE).trimEnd();
}

export function recordSearch(db: Db, input: { q: string; resultats: number }, now: Date): { id: number } {
  const requete = normaliseQuery(input.q);
  if (requete === '') throw new RefusedError('Une recherche vide n’est pas enregistrée.');
  const { pointId } = deskPoint(db);
  const id = db
    .prepare(
      'INSERT INTO recherches (horodatage, jour, point_id, requete, resultats) VALUES (?, ?, ?, ?, ?) RETURNING id',
    )
    .pluck()
    .get(now.toISOString(), parisDay(now), pointId, requete, input.resultats) as number;
  return { id };
}
