// Training types (Info'Cité, accueil, posture…) and their validity: editing a validity changes at once every
// agent's valid-until and refresher date, since those are always computed, never stored.
import type { TrainingType } from '../../../common/formations/methods';
import type { Actor } from '../audit/record';
import { auditedUpdate } from '../audit/record';
import { NotFoundError } from '../errors';
import { sql, type Db } from '../store/db';

export async function listTrainingTypes(db: Db): Promise<TrainingType[]> {
  return db.all<TrainingType>(
    sql`SELECT code, libelle, validite_mois AS "validiteMois", ordre FROM types_formation ORDER BY ordre, libelle`,
  );
}

export async function getTrainingType(db: Db, code: string): Promise<TrainingType> {
  const type = await db.one<TrainingType>(
    sql`SELECT code, libelle, validite_mois AS "validiteMois", ordre FROM types_formation WHERE code = ${code}`,
  );
  if (!type) throw new NotFoundError(`Le type de formation « ${code} » n'existe pas.`);
  return type;
}

export async function updateTrainingType(
  db: Db,
  actor: Actor,
  change: { code: string; libelle: string; validiteMois: number | null },
  now: Date,
): Promise<TrainingType> {
  return db.transaction(
    async (tx) =>
      await auditedUpdate(
        tx,
        actor,
        { action: 'modification', objet: 'type_formation', objetId: change.code },
        () => getTrainingType(tx, change.code),
        async () => {
          await tx.run(
            sql`UPDATE types_formation SET libelle = ${change.libelle}, validite_mois = ${change.validiteMois}
                WHERE code = ${change.code}`,
          );
        },
        now,
      ),
  );
}
