// The complaints' settings: the announced delay per type and how long the citizen's details are kept after
// closing. Audited like every setting of the installation.
import { z } from 'zod';
import type { ReglagesReclamations } from '../../../common/reclamations/methods';
import { DEFAULT_DELAIS, DEFAULT_RETENTION_RECLAMATIONS_MOIS } from '../../../common/reclamations/methods';
import type { Actor } from '../audit/record';
import { recordAudit } from '../audit/record';
import type { Db } from '../store/db';
import { readSetting, writeSetting } from '../store/settings';

export const DELAIS_KEY = 'reclamations.delais';
export const RETENTION_KEY = 'reclamations.retention_mois';

const delais = z.object({ reclamation: z.number().int().min(1), suggestion: z.number().int().min(1) });

export async function readReclamationSettings(db: Db): Promise<ReglagesReclamations> {
  return {
    delais: await readSetting(db, DELAIS_KEY, delais, DEFAULT_DELAIS),
    retentionMois: await readSetting(
      db,
      RETENTION_KEY,
      z.number().int().min(1),
      DEFAULT_RETENTION_RECLAMATIONS_MOIS,
    ),
  };
}

export async function writeReclamationSettings(
  db: Db,
  actor: Actor,
  reglages: ReglagesReclamations,
  now: Date,
): Promise<ReglagesReclamations> {
  await db.transaction(async (tx) => {
    const avant = await readReclamationSettings(tx);
    await writeSetting(tx, DELAIS_KEY, reglages.delais);
    await writeSetting(tx, RETENTION_KEY, reglages.retentionMois);
    await recordAudit(
      tx,
      actor,
      { action: 'modification', objet: 'reglage', objetId: 'reclamations', avant, apres: reglages },
      now,
    );
  });
  return readReclamationSettings(db);
}
