// Complaints and suggestions under the dashboard's filters: received in the period, answered in the period and
// how many of those within the announced delay, and those overdue on the period's last day (or today).
import type { Filtres } from '../../../common/indicateurs/types';
import type { TypeReclamation } from '../../../common/reclamations/methods';
import { TYPES_RECLAMATION } from '../../../common/reclamations/methods';
import { whereOf } from '../indicateurs/filters';
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

/** `jour`: the day the backlog is read on (the period's end, or today while it runs). */
export async function reclamationCounts(db: Db, filtres: Filtres, jour: string): Promise<ReclamationCounts> {
  const recues = Object.fromEntries(TYPES_RECLAMATION.map((t) => [t, 0])) as Record<TypeReclamation, number>;
  const byType = await db.all<{ type: TypeReclamation; n: number }>(
    sql`SELECT type, count(*) AS n FROM reclamations WHERE ${whereOf(filtres, { column: 'recue_le' })}
        GROUP BY type`,
  );
  for (const row of byType) recues[row.type] = row.n;
  const answered = await db.one<{ repondues: number; dansLesDelais: number }>(
    sql`SELECT count(*) AS repondues,
          coalesce(sum(CASE WHEN repondu_le <= echeance THEN 1 ELSE 0 END), 0) AS "dansLesDelais"
        FROM reclamations WHERE ${whereOf(filtres, { column: 'repondu_le' })}`,
  );
  // Everything received up to `jour` (from the first day there is), under the same point and channel filters.
  const received = whereOf(filtres, { column: 'recue_le', ranges: [['', jour]] });
  const open = await db.one<{ enCours: number; enRetard: number }>(
    sql`SELECT count(*) AS "enCours", coalesce(sum(CASE WHEN echeance < ${jour} THEN 1 ELSE 0 END), 0) AS "enRetard"
        FROM reclamations
        WHERE ${received} AND (repondu_le IS NULL OR repondu_le > ${jour})`,
  );
  return {
    recues,
    repondues: answered?.repondues ?? 0,
    dansLesDelais: answered?.dansLesDelais ?? 0,
    enCours: open?.enCours ?? 0,
    enRetard: open?.enRetard ?? 0,
  };
}
