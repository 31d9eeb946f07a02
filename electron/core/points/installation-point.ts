// This installation is bound to one reception point, chosen by an administrator: its agents and its log.
import { z } from 'zod';
import { sql, type Db } from '../store/db';
import { readSetting } from '../store/settings';

export const INSTALLATION_POINT_KEY = 'installation.point';

/** The point this installation is bound to (its name and type), or null. */
export async function installationPoint(
  db: Db,
): Promise<{ pointId: number; nom: string; type: string } | null> {
  const pointId = await readSetting(db, INSTALLATION_POINT_KEY, z.number().int().positive().nullable(), null);
  if (pointId === null) return null;
  const point = await db.one<{ nom: string; type: string }>(
    sql`SELECT nom, type FROM points WHERE id = ${pointId}`,
  );
  return point ? { pointId, ...point } : null;
}
