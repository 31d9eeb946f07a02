// This installation is bound to one reception point, chosen by an administrator: its agents and its log.
import { z } from 'zod';
import { sql, type Db } from '../store/db';
import { readSetting } from '../store/settings';

export const INSTALLATION_POINT_KEY = 'installation.point';

export async function installationPoint(db: Db): Promise<{ pointId: number; nom: string } | null> {
  const pointId = await readSetting(db, INSTALLATION_POINT_KEY, z.number().int().positive().nullable(), null);
  if (pointId === null) return null;
  const nom = await db.value<string>(sql`SELECT nom FROM points WHERE id = ${pointId}`);
  return nom === undefined ? null : { pointId, nom };
}
