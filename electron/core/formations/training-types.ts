// Training types (Info'Cité, accueil, posture…) and their validity: editing a validity changes at once every
// agent's valid-until and refresher date, since those are always computed, never stored.
import type { TrainingType } from '../../../common/formations/methods';
import type { Actor } from '../audit/record';
import { auditedUpdate } from '../audit/record';
import { NotFoundError } from '../errors';
import type { Db } from '../store/db';

export function listTrainingTypes(db: Db): TrainingType[] {
  return db
    .prepare(
      'SELECT code, libelle, validite_mois AS validiteMois, ordre FROM types_formation ORDER BY ordre, libelle',
    )
    .all() as TrainingType[];
}

export function getTrainingType(db: Db, code: string): TrainingType {
  const type = db
    .prepare('SELECT code, libelle, validite_mois AS validiteMois, ordre FROM types_formation WHERE code = ?')
    .get(code) as TrainingType | undefined;
  if (!type) throw new NotFoundError(`Le type de formation « ${code} » n'existe pas.`);
  return type;
}

export function updateTrainingType(
  db: Db,
  actor: Actor,
  change: { code: string; libelle: string; validiteMois: number | null },
  now: Date,
): TrainingType {
  return db.legacyTransaction(() =>
    auditedUpdate(
      db,
      actor,
      { action: 'modification', objet: 'type_formation', objetId: change.code },
      () => getTrainingType(db, change.code),
      () => {
        db.prepare('UPDATE types_formation SET libelle = ?, validite_mois = ? WHERE code = ?').run(
          change.libelle,
          change.validiteMois,
          change.code,
        );
      },
      now,
    ),
  )();
}
