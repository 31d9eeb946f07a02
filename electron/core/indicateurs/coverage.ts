// Trained-agent coverage on a day: of the active agents assigned to a point (of the filter) that day — those
// the label's rule counts (desks/label-rule-data.ts) — the share holding a valid training of the type the
// label's settings name (Info'Cité by default). Validity follows agents/training-validity.ts exactly.
import { readLabelSettings } from '../label/settings';
import type { Db } from '../store/db';
import { pointWhere } from './filters';
import type { Couverture, Filtres } from '../../../common/indicateurs/types';

/**
 * training-validity.ts's `validUntil` in SQL: the session's day plus the validity in months, kept at the end
 * of the month as date-fns does (31 January + 1 month = 28/29 February, where SQLite alone would overflow
 * into March: the month's last day caps it), then the day before.
 */
export function validUntilSql(dateColumn: string, monthsColumn: string): string {
  const plain = `date(${dateColumn}, '+' || ${monthsColumn} || ' months')`;
  const monthEnd = `date(${dateColumn}, 'start of month', '+' || (${monthsColumn} + 1) || ' months', '-1 day')`;
  return `date(min(${plain}, ${monthEnd}), '-1 day')`;
}

export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

export function coverage(db: Db, day: string, filtres: Pick<Filtres, 'entite' | 'pointId'>): Couverture {
  const { typeFormation } = readLabelSettings(db);
  const libelle =
    (db.prepare('SELECT libelle FROM types_formation WHERE code = ?').pluck().get(typeFormation) as
      string | undefined) ?? typeFormation;
  const points = pointWhere(filtres, 'p');
  // The latest session attended is the one that counts (latestAttended); as validity only grows with the
  // session's date, « some attended session is valid » is the same test.
  const row = db
    .prepare(
      `WITH assigned AS (
         SELECT DISTINCT a.agent_id FROM affectations a
         JOIN points p ON p.id = a.point_id JOIN agents g ON g.id = a.agent_id
         WHERE g.actif = 1 AND a.debut <= ? AND (a.fin IS NULL OR a.fin >= ?) AND ${points.sql}
       )
       SELECT count(*) AS agents, coalesce(sum(EXISTS (
         SELECT 1 FROM presences pr
         JOIN sessions_formation s ON s.id = pr.session_id
         JOIN types_formation t ON t.code = s.type
         WHERE pr.agent_id = assigned.agent_id AND pr.statut = 'present' AND s.type = ? AND s.date <= ?
           AND (t.validite_mois IS NULL OR ${validUntilSql('s.date', 't.validite_mois')} >= ?)
       )), 0) AS formes
       FROM assigned`,
    )
    .get(day, day, ...points.params, typeFormation, day, day) as { agents: number; formes: number };
  return {
    jour: day,
    typeFormation: { code: typeFormation, libelle },
    agents: row.agents,
    formes: row.formes,
    taux: rate(row.formes, row.agents),
  };
}
