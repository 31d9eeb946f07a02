// The agents' quick opinion on a fiche: useful, or not useful with a reason code. Like the orientation log it
// holds codes only and is not a registry (no audit row); the editors read it as part of their backlog.
import type { Actor } from '../audit/record';
import { parisDay } from '../../../common/dates';
import type { RowOrigin } from '../points/call-point';
import { pointOfRow } from '../points/call-point';
import { NotFoundError, RefusedError } from '../errors';
import { sql, type Db } from '../store/db';
import type { FeedbackMotif } from '../../../common/redaction/codes';

export interface FeedbackInput {
  ficheId: string;
  utile: boolean;
  motif?: FeedbackMotif;
}

/**
 * Records one opinion at the point of `origin` (by default the installation's, none when it is unbound);
 * `ficheKnown` says whether the desk can see that fiche (a published one).
 */
export async function recordFeedback(
  db: Db,
  actor: Actor,
  ficheKnown: (id: string) => boolean,
  input: FeedbackInput,
  now: Date,
  origin: RowOrigin = {},
): Promise<{ id: number }> {
  if (!ficheKnown(input.ficheId)) {
    throw new NotFoundError(`La fiche « ${input.ficheId} » n'existe pas ou n'est pas publiée.`);
  }
  if (!input.utile && input.motif === undefined) {
    throw new RefusedError('Choisissez pourquoi la fiche n’a pas été utile.');
  }
  // A « useful » carries no reason: the table's CHECK keeps the two apart.
  const motif = input.utile ? null : (input.motif ?? null);
  const point = await pointOfRow(db, origin);
  const id = await db.insertId(
    sql`INSERT INTO avis_fiches (horodatage, jour, point_id, compte_id, fiche_id, utile, motif, uid, poste_id)
        VALUES (${now.toISOString()}, ${parisDay(now)}, ${point?.pointId ?? null}, ${actor.compteId},
          ${input.ficheId}, ${input.utile ? 1 : 0}, ${motif}, ${origin.uid ?? null}, ${point?.posteId ?? null})
        RETURNING id`,
  );
  return { id };
}
