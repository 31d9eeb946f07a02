// Minimisation: the citizen's details and the free texts (which may name them) of a complaint closed more than N
// months ago (12 by default) are erased; the row stays — type, channel, point, service, days — so the counts and
// the delays kept are unchanged. Run by the same periodic job as the log's retention; idempotent.
import { addMonthsToDay, parisDay } from '../../../common/dates';
import type { RetentionReclamations } from '../../../common/reclamations/methods';
import type { Actor } from '../audit/record';
import { recordAudit, SYSTEM_ACTOR } from '../audit/record';
import { sql, type Db } from '../store/db';
import { readReclamationSettings } from './settings';

export async function runReclamationRetention(
  db: Db,
  now: Date,
  actor: Actor = SYSTEM_ACTOR,
): Promise<RetentionReclamations> {
  const { retentionMois } = await readReclamationSettings(db);
  const limite = addMonthsToDay(parisDay(now), -retentionMois);
  return db.transaction(async (tx): Promise<RetentionReclamations> => {
    const { changes: effacees } = await tx.run(
      sql`UPDATE reclamations SET nom = NULL, courriel = NULL, telephone = NULL, adresse = NULL, objet = NULL,
            reponse = NULL, effacee_le = ${parisDay(now)}
          WHERE statut = 'close' AND close_le < ${limite} AND effacee_le IS NULL`,
    );
    if (effacees > 0)
      await recordAudit(
        tx,
        actor,
        {
          action: 'retention',
          objet: 'reclamation',
          objetId: null,
          apres: { limite, mois: retentionMois, effacees },
        },
        now,
      );
    return { limite, effacees };
  });
}
