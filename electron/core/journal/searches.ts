// The desk's settled searches, kept for one purpose: the content-gap report (searches with no result, searches
// that ended « non résolu »), normalised and cut short as query.ts says.
import { parisDay } from '../../../common/dates';
import { RefusedError } from '../errors';
import { sql, type Db } from '../store/db';
import { normaliseQuery } from '../../../common/journal/query';
import type { RowOrigin } from '../points/call-point';
import { pointOfRow } from '../points/call-point';
import { UNBOUND_MESSAGE } from './record';

/** Records a settled search at the point of `origin` (by default the installation's). */
export async function recordSearch(
  db: Db,
  input: { q: string; resultats: number },
  now: Date,
  origin: RowOrigin = {},
): Promise<{ id: number }> {
  const requete = normaliseQuery(input.q);
  if (requete === '') throw new RefusedError('Une recherche vide n’est pas enregistrée.');
  const point = await pointOfRow(db, origin);
  if (!point) throw new RefusedError(UNBOUND_MESSAGE);
  const { pointId, posteId } = point;
  const id = await db.insertId(
    sql`INSERT INTO recherches (horodatage, jour, point_id, requete, resultats, uid, poste_id)
        VALUES (${now.toISOString()}, ${parisDay(now)}, ${pointId}, ${requete}, ${input.resultats},
          ${origin.uid ?? null}, ${posteId})
        RETURNING id`,
  );
  return { id };
}
