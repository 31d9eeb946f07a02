import type { Db } from '../store/db';

/** The city's desks, as the dashboard's desk filter lists them: every desk ever created, revoked ones too (their
 * contacts stay in the figures). */
export function dashboardPostes(db: Db): Array<{ id: number; nom: string; pointId: number }> {
  return db
    .prepare('SELECT id, nom, point_id AS pointId FROM postes ORDER BY nom COLLATE NOCASE, id')
    .all() as Array<{ id: number; nom: string; pointId: number }>;
}
