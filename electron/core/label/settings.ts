// The label's settings: the rule, the label's duration, the alert period and the training that counts. One JSON
// value in `reglages`, read through a schema so a missing or damaged value falls back to the defaults.
import type { Actor } from '../audit/record';
import { recordAudit } from '../audit/record';
import { RefusedError } from '../errors';
import type { Db } from '../store/db';
import { readSetting, writeSetting } from '../store/settings';
import { DEFAULT_LABEL_SETTINGS, storedLabelSettingsSchema } from '../../../common/label/settings';
import type { LabelSettings } from '../../../common/label/types';
import type { TrainingType } from '../../../common/formations/methods';

export { DEFAULT_LABEL_SETTINGS, labelSettingsSchema } from '../../../common/label/settings';

export const LABEL_SETTINGS_KEY = 'label.reglage';

export function readLabelSettings(db: Db): LabelSettings {
  return readSetting(db, LABEL_SETTINGS_KEY, storedLabelSettingsSchema, DEFAULT_LABEL_SETTINGS);
}

export function trainingTypes(db: Db): TrainingType[] {
  return db
    .prepare('SELECT code, libelle FROM types_formation ORDER BY ordre, libelle')
    .all() as TrainingType[];
}

/** Saves new settings; the training type must exist. Audited in the same transaction. */
export function writeLabelSettings(db: Db, actor: Actor, value: LabelSettings, now: Date): LabelSettings {
  const known = db.prepare('SELECT 1 FROM types_formation WHERE code = ?').get(value.typeFormation);
  if (!known) throw new RefusedError(`La formation « ${value.typeFormation} » n'existe pas.`);
  db.legacyTransaction(() => {
    const avant = readLabelSettings(db);
    writeSetting(db, LABEL_SETTINGS_KEY, value);
    recordAudit(
      db,
      actor,
      { action: 'modification', objet: 'reglage', objetId: LABEL_SETTINGS_KEY, avant, apres: value },
      now,
    );
  })();
  return readLabelSettings(db);
}
