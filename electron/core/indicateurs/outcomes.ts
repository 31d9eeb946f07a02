// Contacts by outcome, reason and period, and the services they were oriented to: from the running counts,
// which hold the detailed log and the daily counts retention left (journal_quotidien) alike, so a total is the
// same before and after retention.
import type { Issue, Motif } from '../../../common/journal/codes';
import { ISSUES, MOTIFS } from '../../../common/journal/codes';
import type { Db } from '../store/db';
import { dayCounts, splitWhere, whereOf } from './filters';
import { periodKeySql } from '../../../common/indicateurs/periods';
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
 * motif), so SQLite sums each day in key order without sorting; only the day sums (a few thousand rows) are
 * then mapped to their period, so the week's date arithmetic runs once a day, not once a row.
 */
export function outcomeCounts(db: Db, filtres: Filtres, granularite: Granularite): OutcomeCounts {
  const where = whereOf(filtres);
  const source = dayCounts(filtres, 'indicateurs_jour');
  const rows = db
    .prepare(
      `SELECT ${periodKeySql('jour', granularite)} AS cle, issue, motif, sum(nombre) AS nombre,
              sum(duree) AS duree, sum(timed) AS timed
       FROM (
         SELECT jour, issue, motif, sum(nombre) AS nombre, sum(duree_totale_s) AS duree, sum(duree_nombre) AS timed
         FROM ${source.sql} WHERE ${where.sql}
         GROUP BY jour, issue, motif
       )
       GROUP BY cle, issue, motif`,
    )
    .all(...source.params, ...where.params) as Row[];

  const counts: OutcomeCounts = {
    contacts: 0,
    parIssue: zeroByIssue(),
    parMotif: zeroByMotif(),
    parPeriode: new Map(),
    dureeTotaleS: 0,
    dureeNombre: 0,
  };
  // Folding a few hundred aggregated rows (periods × outcomes × reasons), not the log.
  for (const row of rows) {
    counts.contacts += row.nombre;
    counts.parIssue[row.issue] += row.nombre;
    if (row.issue === 'non_resolu' && row.motif !== '') counts.parMotif[row.motif as Motif] += row.nombre;
    counts.dureeTotaleS += row.duree;
    counts.dureeNombre += row.timed;
    let period = counts.parPeriode.get(row.cle);
    if (!period) counts.parPeriode.set(row.cle, (period = zeroByIssue()));
    period[row.issue] += row.nombre;
  }
  return counts;
}

/** The services contacts were oriented to, most frequent first. */
export function orientationCounts(db: Db, filtres: Filtres): Array<{ serviceId: string; nombre: number }> {
  const { months, days } = splitWhere(filtres);
  const source = dayCounts(filtres, 'indicateurs_service_jour');
  return db
    .prepare(
      `SELECT service_id AS serviceId, sum(nombre) AS nombre FROM (
         SELECT service_id, nombre FROM indicateurs_service_mois WHERE ${months.sql}
         UNION ALL
         SELECT service_id, nombre FROM ${source.sql} WHERE ${days.sql}
       )
       GROUP BY service_id ORDER BY nombre DESC, service_id`,
    )
    .all(...months.params, ...source.params, ...days.params) as Array<{ serviceId: string; nombre: number }>;
}
