// The kiosk's settings: one JSON value in `reglages`, read through its schema (a missing or damaged value falls
// back to the defaults), written with its audit row in the same transaction.
import type { Actor } from '../audit/record';
import { recordAudit } from '../audit/record';
import type { Db } from '../store/db';
import { readSetting, writeSetting } from '../store/settings';
import {
  DEFAULT_BORNE_SETTINGS,
  borneSettingsSchema,
  type BorneSettings,
} from '../../../common/borne/settings';

export const BORNE_SETTINGS_KEY = 'borne.reglage';

export async function readBorneSettings(db: Db): Promise<BorneSettings> {
  return await readSetting(db, BORNE_SETTINGS_KEY, borneSettingsSchema, DEFAULT_BORNE_SETTINGS);
}

export async function writeBorneSettings(
  db: Db,
  actor: Actor,
  value: BorneSettings,
  now: Date,
): Promise<BorneSettings> {
  await db.transaction(async (tx) => {
    const avant = await readBorneSettings(tx);
    await writeSetting(tx, BORNE_SETTINGS_KEY, value);
    await recordAudit(
      tx,
      actor,
      { action: 'modification', objet: 'reglage', objetId: BORNE_SETTINGS_KEY, avant, apres: value },
      now,
    );
  });
  return readBorneSettings(db);
}
