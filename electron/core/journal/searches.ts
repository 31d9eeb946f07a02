// The desk's settled searches, kept for one purpose: the content-gap report (searches with no result, searches
// that ended « non résolu »), normalised and cut short as query.ts says.
import { parisDay } from '../../../common/dates';
import { RefusedError } from '../errors';
import type { Db } from '../store/database';
import { normaliseQuery } from '../../../common/journal/query';
import { deskPoint } from './record';

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
