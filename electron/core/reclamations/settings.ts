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

export function readReclamationSettings(db: Db): ReglagesReclamations {
  return {
    delais: readSetting(db, DELAIS_KEY, delais, DEFAULT_DELAIS),
    retentionMois: readSetting(
      db,
      RETENTION_KEY,
      z.number().int().min(1),
      DEFAULT_RETENTION_RECLAMATIONS_MOIS,
    ),
  };
}

export function writeReclamationSettings(
  db: Db,
  actor: Actor,
  reglages: ReglagesReclamations,
  now: Date,
): ReglagesReclamations {
  db.legacyTransaction(() => {
    const avant = readReclamationSettings(db);
    writeSetting(db, DELAIS_KEY, reglages.delais);
    writeSetting(db, RETENTION_KEY, reglages.retentionMois);
    recordAudit(
      db,
      actor,
      { action: 'modification', objet: 'reglage', objetId: 'reclamations', avant, apres: reglages },
      now,
    );
  })();
  return readReclamationSettings(db);
}
