// Trained-agent coverage on a day: of the active agents assigned to a point (of the filter) that day — those
// the label's rule counts (desks/label-rule-data.ts) — the share holding a valid training of the type the
// label's settings name (Info'Cité by default). Validity follows agents/training-validity.ts exactly.
import { readLabelSettings } from '../label/settings';
import { sql, type Db, type RawBuilder } from '../store/db';
import { pointWhere } from './filters';
import type { Couverture, Filtres } from '../../../common/indicateurs/types';

/** « YYYY-MM-DD » from integer parts, in portable SQL (no printf, no date functions). */
function dayText(year: string, month: string, day: string): string {
  const pad = (part: string) => `CASE WHEN ${part} < 10 THEN '0' ELSE '' END || CAST(${part} AS TEXT)`;
  return `CAST(${year} AS TEXT) || '-' || ${pad(month)} || '-' || ${pad(day)}`;
}

/** The last day of a month given as a month index (year × 12 + month − 1), in portable SQL. */
function lastDaySql(index: string): string {
  const year = `((${index}) / 12)`;
  const month = `((${index}) % 12 + 1)`;
  const leap = `((${year} % 4 = 0 AND ${year} % 100 <> 0) OR ${year} % 400 = 0)`;
  return `(CASE WHEN ${month} = 2 THEN CASE WHEN ${leap} THEN 29 ELSE 28 END
    WHEN ${month} IN (4, 6, 9, 11) THEN 30 ELSE 31 END)`;
}

/**
 * training-validity.ts's `validUntil` in SQL: the session's day plus the validity in months, kept at the end
 * of the month as date-fns does (31 January + 1 month = 28/29 February, not 3 March), then the day before.
 * Integer arithmetic on the day's text, the same on SQLite and PostgreSQL. The columns are the code's names.
 */
export function validUntilSql(dateColumn: string, monthsColumn: string): RawBuilder<unknown> {
  const year = `CAST(substr(${dateColumn}, 1, 4) AS INTEGER)`;
  const month = `CAST(substr(${dateColumn}, 6, 2) AS INTEGER)`;
  const day = `CAST(substr(${dateColumn}, 9, 2) AS INTEGER)`;
  // The month index of the day N months later, and of the month before it.
  const target = `(${year} * 12 + ${month} - 1 + ${monthsColumn})`;
  const before = `(${target} - 1)`;
  const last = lastDaySql(target);
  // The same day N months later, cut to that month's last day, is the 1st only when the session was on a 1st:
  // the day before is then the previous month's last day.
  const sameDay = `(CASE WHEN ${day} > ${last} THEN ${last} ELSE ${day} END)`;
  return sql.raw(`(CASE WHEN ${day} = 1
    THEN ${dayText(`(${before} / 12)`, `(${before} % 12 + 1)`, lastDaySql(before))}
    ELSE ${dayText(`(${target} / 12)`, `(${target} % 12 + 1)`, `(${sameDay} - 1)`)} END)`);
}

export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

export async function coverage(
  db: Db,
  day: string,
  filtres: Pick<Filtres, 'entite' | 'pointId'>,
): Promise<Couverture> {
  const { typeFormation } = await readLabelSettings(db);
  const libelle =
    (await db.value<string>(sql`SELECT libelle FROM types_formation WHERE code = ${typeFormation}`)) ??
    typeFormation;
  const points = pointWhere(filtres, 'p');
  // The latest session attended is the one that counts (latestAttended); as validity only grows with the
  // session's date, « some attended session is valid » is the same test.
  const row = (await db.one<{ agents: number; formes: number }>(
    sql`WITH assigned AS (
          SELECT DISTINCT a.agent_id FROM affectations a
          JOIN points p ON p.id = a.point_id JOIN agents g ON g.id = a.agent_id
          WHERE g.actif = 1 AND a.debut <= ${day} AND (a.fin IS NULL OR a.fin >= ${day}) AND ${points}
        )
        SELECT count(*) AS agents, coalesce(sum(CASE WHEN EXISTS (
          SELECT 1 FROM presences pr
          JOIN sessions_formation s ON s.id = pr.session_id
          JOIN types_formation t ON t.code = s.type
          WHERE pr.agent_id = assigned.agent_id AND pr.statut = 'present' AND s.type = ${typeFormation}
            AND s.date <= ${day}
            AND (t.validite_mois IS NULL OR ${validUntilSql('s.date', 't.validite_mois')} >= ${day})
        ) THEN 1 ELSE 0 END), 0) AS formes
        FROM assigned`,
  )) ?? { agents: 0, formes: 0 };
  return {
    jour: day,
    typeFormation: { code: typeFormation, libelle },
    agents: row.agents,
    formes: row.formes,
    taux: rate(row.formes, row.agents),
  };
}
