import { sql, type Db } from '../store/db';

/** The city's desks, as the dashboard's desk filter lists them: every desk ever created, revoked ones too (their
 * contacts stay in the figures). */
export async function dashboardPostes(db: Db): Promise<Array<{ id: number; nom: string; pointId: number }>> {
  return db.all<{ id: number; nom: string; pointId: number }>(
    sql`SELECT id, nom, point_id AS "pointId" FROM postes ORDER BY lower(nom), id`,
  );
}
