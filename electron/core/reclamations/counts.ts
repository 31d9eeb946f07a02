// Complaints and suggestions under the dashboard's filters: received in the period, answered in the period and
// how many of those within the announced delay, and those overdue on the period's last day (or today).
import type { Filtres } from '../../../common/indicateurs/types';
import type { TypeReclamation } from '../../../common/reclamations/methods';
import { TYPES_RECLAMATION } from '../../../common/reclamations/methods';
import type { RawBuilder } from '../store/db';
import { sql, type Db } from '../store/db';

export interface ReclamationCounts {
  recues: Record<TypeReclamation, number>;
  repondues: number;
  dansLesDelais: number;
  /** Not answered on `jour` and past their due date. */
  enRetard: number;
  /** Received on or before `jour` and not answered then. */
  enCours: number;
}

function pointClause(filtres: Filtres): RawBuilder<unknown> {
  const clauses: RawBuilder<unknown>[] = [];
  if (filtres.pointId !== undefined) clauses.push(sql` AND point_id = ${filtres.pointId}`);
  if (filtres.entite !== undefined)
    clauses.push(sql` AND point_id IN (SELECT id FROM points WHERE entite = ${filtres.entite})`);
  if (filtres.canal !== undefined) clauses.push(sql` AND canal = ${filtres.canal}`);
  return clauses.length === 0 ? sql`` : sql.join(clauses, sql``);
}

/** `jour`: the day the backlog is read on (the period's end, or today while it runs). */
export async function reclamationCounts(db: Db, filtres: Filtres, jour: string): Promise<ReclamationCounts> {
  const p = pointClause(filtres);
  const recues = Object.fromEntries(TYPES_RECLAMATION.map((t) => [t, 0])) as Record<TypeReclamation, number>;
  const byType = await db.all<{ type: TypeReclamation; n: number }>(
    sql`SELECT type, count(*) AS n FROM reclamations WHERE recue_le BETWEEN ${filtres.du} AND ${filtres.au}${p}
        GROUP BY type`,
  );
  for (const row of byType) recues[row.type] = Number(row.n);
  const answered = await db.one<{ repondues: number; dansLesDelais: number }>(
    sql`SELECT count(*) AS repondues,
          coalesce(sum(CASE WHEN repondu_le <= echeance THEN 1 ELSE 0 END), 0) AS "dansLesDelais"
        FROM reclamations WHERE repondu_le BETWEEN ${filtres.du} AND ${filtres.au}${p}`,
  );
  const open = await db.one<{ enCours: number; enRetard: number }>(
    sql`SELECT count(*) AS "enCours", coalesce(sum(CASE WHEN echeance < ${jour} THEN 1 ELSE 0 END), 0) AS "enRetard"
        FROM reclamations WHERE recue_le <= ${jour} AND (repondu_le IS NULL OR repondu_le > ${jour})${p}`,
  );
  return {
    recues,
    repondues: Number(answered?.repondues ?? 0),
    dansLesDelais: Number(answered?.dansLesDelais ?? 0),
    enCours: Number(open?.enCours ?? 0),
    enRetard: Number(open?.enRetard ?? 0),
  };
}
