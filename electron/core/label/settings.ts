// The label's settings: the rule, the label's duration, the alert period and the training that counts. One JSON
// value in `reglages`, read through a schema so a missing or damaged value falls back to the defaults.
import type { Actor } from '../audit/record';
import { recordAudit } from '../audit/record';
import { RefusedError } from '../errors';
import { sql, type Db } from '../store/db';
import { readSetting, writeSetting } from '../store/settings';
import { DEFAULT_LABEL_SETTINGS, storedLabelSettingsSchema } from '../../../common/label/settings';
import type { LabelSettings } from '../../../common/label/types';
import type { TrainingType } from '../../../common/formations/methods';

export { DEFAULT_LABEL_SETTINGS, labelSettingsSchema } from '../../../common/label/settings';

export const LABEL_SETTINGS_KEY = 'label.reglage';

export async function readLabelSettings(db: Db): Promise<LabelSettings> {
  return await readSetting(db, LABEL_SETTINGS_KEY, storedLabelSettingsSchema, DEFAULT_LABEL_SETTINGS);
}

export async function trainingTypes(db: Db): Promise<TrainingType[]> {
  return db.all<TrainingType>(sql`SELECT code, libelle FROM types_formation ORDER BY ordre, libelle`);
}

/** Saves new settings; the training type must exist. Audited in the same transaction. */
export async function writeLabelSettings(
  db: Db,
  actor: Actor,
  value: LabelSettings,
  now: Date,
): Promise<LabelSettings> {
  return db.transaction(async (tx) => {
    const known = await tx.one(
      sql`SELECT 1 AS found FROM types_formation WHERE code = ${value.typeFormation}`,
    );
    if (!known) throw new RefusedError(`La formation « ${value.typeFormation} » n'existe pas.`);
    const avant = await readLabelSettings(tx);
    await writeSetting(tx, LABEL_SETTINGS_KEY, value);
    await recordAudit(
      tx,
      actor,
      { action: 'modification', objet: 'reglage', objetId: LABEL_SETTINGS_KEY, avant, apres: value },
      now,
    );
    return readLabelSettings(tx);
  });
}
