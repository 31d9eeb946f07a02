// The filters of the dashboard as SQL: the same WHERE clause for every table keyed by day (or month), point and
// channel — the running counts, journal_quotidien, the log itself.
import { spansOf } from '../../../common/indicateurs/periods';
import type { Filtres } from '../../../common/indicateurs/types';

export interface SqlWhere {
  sql: string;
  params: Array<string | number>;
}

export interface WhereOptions {
  /** Prefixes the columns (« j » → « j.jour »). */
  alias?: string;
  /** false: the table has no channel, leave that filter out. */
  canal?: boolean;
  /** The period column and its runs; by default `jour` from `du` to `au`. */
  column?: 'jour' | 'mois';
  ranges?: ReadonlyArray<readonly [string, string]>;
  /** true: the table is the detailed log (journal, recherches), which knows the desk: apply its filter. */
  poste?: boolean;
}

/** The period, then the point, its entité, the channel. */
export function whereOf(filtres: Filtres, options: WhereOptions = {}): SqlWhere {
  const a = options.alias ? `${options.alias}.` : '';
  const column = `${a}${options.column ?? 'jour'}`;
  const ranges = options.ranges ?? [[filtres.du, filtres.au]];
  const clauses = [
    ranges.length === 0 ? '0' : `(${ranges.map(() => `${column} BETWEEN ? AND ?`).join(' OR ')})`,
  ];
  const params: Array<string | number> = ranges.flat();
  if (filtres.pointId !== undefined) {
    clauses.push(`${a}point_id = ?`);
    params.push(filtres.pointId);
  }
  if (filtres.entite !== undefined) {
    clauses.push(`${a}point_id IN (SELECT id FROM points WHERE entite = ?)`);
    params.push(filtres.entite);
  }
  if (filtres.posteId !== undefined && options.poste === true) {
    clauses.push(`${a}poste_id = ?`);
    params.push(filtres.posteId);
  }
  if (filtres.canal !== undefined && options.canal !== false) {
    clauses.push(`${a}canal = ?`);
    params.push(filtres.canal);
  }
  return { sql: clauses.join(' AND '), params };
}

/**
 * The filter for a pair of tables: the monthly one for the whole months, the daily one for the edges. With a desk
 * chosen, the daily one covers it all: its stand-in is the desk's detailed log, which has no monthly counts.
 */
export function splitWhere(filtres: Filtres): { months: SqlWhere; days: SqlWhere } {
  if (filtres.posteId !== undefined)
    return { months: whereOf(filtres, { column: 'mois', ranges: [] }), days: whereOf(filtres) };
  const spans = spansOf(filtres.du, filtres.au);
  return {
    months: whereOf(filtres, { column: 'mois', ranges: spans.months ? [spans.months] : [] }),
    days: whereOf(filtres, { ranges: spans.days }),
  };
}

/** The points' filter alone (entité, point), on a table of points aliased `alias`. */
export function pointWhere(filtres: Pick<Filtres, 'entite' | 'pointId'>, alias: string): SqlWhere {
  const clauses: string[] = [];
  const params: Array<string | number> = [];
  if (filtres.pointId !== undefined) {
    clauses.push(`${alias}.id = ?`);
    params.push(filtres.pointId);
  }
  if (filtres.entite !== undefined) {
    clauses.push(`${alias}.entite = ?`);
    params.push(filtres.entite);
  }
  return { sql: clauses.length === 0 ? '1' : clauses.join(' AND '), params };
}

/** The running counts by day that a desk's filter replaces with its detailed log. */
export type DayCounts =
  'indicateurs_jour' | 'indicateurs_service_jour' | 'indicateurs_heure_jour' | 'indicateurs_fiche_jour';

// The running counts have no desk column: a city's desks came after them, and the desk is a detail of the log
// that retention does not keep (its daily counts are by point). So a desk's figures are its detailed entries,
// grouped into the very shape of each counts table — the queries reading them stay the same — and they cover the
// retention period, as the hours and the fiches already do.
const POINT = 'coalesce(j.point_id, 0) AS point_id';
const BY_DESK: Record<DayCounts, string> = {
  indicateurs_jour: `SELECT j.jour, j.issue, coalesce(j.motif, '') AS motif, ${POINT}, j.canal, count(*) AS nombre,
      coalesce(sum(j.duree_s), 0) AS duree_totale_s, count(j.duree_s) AS duree_nombre
    FROM journal j WHERE j.poste_id = ? GROUP BY 1, 2, 3, 4, 5`,
  indicateurs_service_jour: `SELECT j.jour, ${POINT}, j.canal, j.service_id, count(*) AS nombre
    FROM journal j WHERE j.poste_id = ? AND j.issue IN ('oriente_fiche', 'oriente_autre')
      AND j.service_id IS NOT NULL AND j.service_id <> '' GROUP BY 1, 2, 3, 4`,
  indicateurs_heure_jour: `SELECT j.jour, ${POINT}, j.canal, j.heure, count(*) AS nombre
    FROM journal j WHERE j.poste_id = ? GROUP BY 1, 2, 3, 4`,
  indicateurs_fiche_jour: `SELECT j.jour, ${POINT}, j.canal, f.fiche_id, count(*) AS nombre
    FROM journal j JOIN journal_fiches f ON f.entree_id = j.id WHERE j.poste_id = ? GROUP BY 1, 2, 3, 4`,
};

/** What to read `table` from: the table itself, or with a desk chosen, that desk's log in the table's shape. */
export function dayCounts(filtres: Filtres, table: DayCounts): SqlWhere {
  if (filtres.posteId === undefined) return { sql: table, params: [] };
  return { sql: `(${BY_DESK[table]})`, params: [filtres.posteId] };
}
