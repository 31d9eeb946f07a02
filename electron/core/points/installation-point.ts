// This installation is bound to one reception point, chosen by an administrator: its agents and its log.
import { z } from 'zod';
import type { Db } from '../store/db';
import { readSetting } from '../store/settings';

export const INSTALLATION_POINT_KEY = 'installation.point';

export function installationPoint(db: Db): { pointId: number; nom: string } | null {
  const pointId = readSetting(db, INSTALLATION_POINT_KEY, z.number().int().positive().nullable(), null);
  if (pointId === null) return null;
  const nom = db.prepare('SELECT nom FROM points WHERE id = ?').pluck().get(pointId) as string | undefined;
  return nom === undefined ? null : { pointId, nom };
}
