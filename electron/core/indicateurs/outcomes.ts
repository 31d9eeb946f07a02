// Contacts by outcome, reason and period, and the services they were oriented to: from the running counts,
// which hold the detailed log and the daily counts retention left (journal_quotidien) alike, so a total is the
// same before and after retention.
import type { Issue, Motif } from '../../../common/journal/codes';
import { ISSUES, MOTIFS } from '../../../common/journal/codes';
import { sql, type Db } from '../store/db';
import { dayCounts, splitWhere, whereOf } from './filters';
import { periodKey } from '../../../common/indicateurs/periods';
import type { Filtres } from '../../../common/indicateurs/types';
import type { Granularite } from '../../../common/indicateurs/codes';

export interface OutcomeCounts {
  contacts: number;
  parIssue: Record<Issue, number>;
  /** Unresolved contacts by reason. */
  parMotif: Record<Motif, number>;
  /** Contacts by period key, then by outcome. */
  parPeriode: Map<string, Record<Issue, number>>;
  /** Sum and count of the measured durations (a contact logged without a search has none). */
  dureeTotaleS: number;
  dureeNombre: number;
}

export function zeroByIssue(): Record<Issue, number> {
  return Object.fromEntries(ISSUES.map((issue) => [issue, 0])) as Record<Issue, number>;
}

function zeroByMotif(): Record<Motif, number> {
  return Object.fromEntries(MOTIFS.map((motif) => [motif, 0])) as Record<Motif, number>;
}

interface Row {
  cle: string;
  issue: Issue;
  motif: string;
  nombre: number;
  duree: number;
  timed: number;
}

/**
 * Counts the contacts of `filtres` by period, outcome and reason. The table's key starts with (jour, issue,
 * motif), so the database sums each day in key order without sorting (by month, the month's days only);
 * only those sums (a few thousand rows) are then mapped to their period here, so the week's date arithmetic
 * runs once a day, not once a row — and in TypeScript, as SQL has no portable date arithmetic.
 */
export async function outcomeCounts(
  db: Db,
  filtres: Filtres,
  granularite: Granularite,
): Promise<OutcomeCounts> {
  const where = whereOf(filtres);
  const source = dayCounts(filtres, 'indicateurs_jour');
  // Days are « YYYY-MM-DD »: a month is their first seven characters, on both engines.
  const key = granularite === 'mois' ? sql`substr(jour, 1, 7)` : sql`jour`;
  const rows = await db.all<Row>(
    sql`SELECT ${key} AS cle, issue, motif, sum(nombre) AS nombre, sum(duree_totale_s) AS duree,
               sum(duree_nombre) AS timed
        FROM ${source} WHERE ${where}
        GROUP BY ${key}, issue, motif`,
  );

  const counts: OutcomeCounts = {
    contacts: 0,
    parIssue: zeroByIssue(),
    parMotif: zeroByMotif(),
    parPeriode: new Map(),
    dureeTotaleS: 0,
    dureeNombre: 0,
  };
  const weeks = new Map<string, string>();
  const periodOf = (cle: string): string => {
    if (granularite !== 'semaine') return cle;
    let week = weeks.get(cle);
    if (week === undefined) weeks.set(cle, (week = periodKey(cle, 'semaine')));
    return week;
  };
  // Folding a few thousand aggregated rows (days or months × outcomes × reasons), not the log.
  for (const row of rows) {
    counts.contacts += row.nombre;
    counts.parIssue[row.issue] += row.nombre;
    if (row.issue === 'non_resolu' && row.motif !== '') counts.parMotif[row.motif as Motif] += row.nombre;
    counts.dureeTotaleS += row.duree;
    counts.dureeNombre += row.timed;
    const cle = periodOf(row.cle);
    let period = counts.parPeriode.get(cle);
    if (!period) counts.parPeriode.set(cle, (period = zeroByIssue()));
    period[row.issue] += row.nombre;
  }
  return counts;
}

/** The services contacts were oriented to, most frequent first. */
export async function orientationCounts(
  db: Db,
  filtres: Filtres,
): Promise<Array<{ serviceId: string; nombre: number }>> {
  const { months, days } = splitWhere(filtres);
  const source = dayCounts(filtres, 'indicateurs_service_jour');
  return db.all<{ serviceId: string; nombre: number }>(
    sql`SELECT service_id AS "serviceId", sum(nombre) AS nombre FROM (
          SELECT service_id, nombre FROM indicateurs_service_mois WHERE ${months}
          UNION ALL
          SELECT service_id, nombre FROM ${source} WHERE ${days}
        ) AS services
        GROUP BY service_id ORDER BY nombre DESC, service_id`,
  );
}
