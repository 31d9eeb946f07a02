// Complaints and suggestions under the dashboard's filters: received in the period, answered in the period and
// how many of those within the announced delay, and those overdue on the period's last day (or today).
import type { Filtres } from '../../../common/indicateurs/types';
import type { TypeReclamation } from '../../../common/reclamations/methods';
import { TYPES_RECLAMATION } from '../../../common/reclamations/methods';
import type { Db } from '../store/db';

export interface ReclamationCounts {
  recues: Record<TypeReclamation, number>;
  repondues: number;
  dansLesDelais: number;
  /** Not answered on `jour` and past their due date. */
  enRetard: number;
  /** Received on or before `jour` and not answered then. */
  enCours: number;
}

function pointClause(filtres: Filtres): { sql: string; params: Array<string | number> } {
  const clauses: string[] = [];
  const params: Array<string | number> = [];
  if (filtres.pointId !== undefined) {
    clauses.push('point_id = ?');
    params.push(filtres.pointId);
  }
  if (filtres.entite !== undefined) {
    clauses.push('point_id IN (SELECT id FROM points WHERE entite = ?)');
    params.push(filtres.entite);
  }
  if (filtres.canal !== undefined) {
    clauses.push('canal = ?');
    params.push(filtres.canal);
  }
  return { sql: clauses.map((c) => ` AND ${c}`).join(''), params };
}

/** `jour`: the day the backlog is read on (the period's end, or today while it runs). */
export function reclamationCounts(db: Db, filtres: Filtres, jour: string): ReclamationCounts {
  const p = pointClause(filtres);
  const recues = Object.fromEntries(TYPES_RECLAMATION.map((t) => [t, 0])) as Record<TypeReclamation, number>;
  const byType = db
    .prepare(
      `SELECT type, count(*) AS n FROM reclamations WHERE recue_le BETWEEN ? AND ?${p.sql} GROUP BY type`,
    )
    .all(filtres.du, filtres.au, ...p.params) as Array<{ type: TypeReclamation; n: number }>;
  for (const row of byType) recues[row.type] = row.n;
  const answered = db
    .prepare(
      `SELECT count(*) AS repondues, coalesce(sum(repondu_le <= echeance), 0) AS dansLesDelais FROM reclamations
       WHERE repondu_le BETWEEN ? AND ?${p.sql}`,
    )
    .get(filtres.du, filtres.au, ...p.params) as { repondues: number; dansLesDelais: number };
  const open = db
    .prepare(
      `SELECT count(*) AS enCours, coalesce(sum(echeance < ?), 0) AS enRetard FROM reclamations
       WHERE recue_le <= ? AND (repondu_le IS NULL OR repondu_le > ?)${p.sql}`,
    )
    .get(jour, jour, jour, ...p.params) as { enCours: number; enRetard: number };
  return { recues, ...answered, ...open };
}
