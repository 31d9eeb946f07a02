// The filters of the dashboard as SQL: the same WHERE clause for every table keyed by day (or month), point and
// channel — the running counts, journal_quotidien, the log itself. Fragments of Kysely `sql` templates, so they
// run unchanged on SQLite and PostgreSQL.
import { sql, type RawBuilder } from '../store/db';
import { spansOf } from '../../../common/indicateurs/periods';
import type { Filtres } from '../../../common/indicateurs/types';

/** A piece of SQL with its parameters, to put in a `sql` template (`WHERE ${where}`). */
export type SqlFragment = RawBuilder<unknown>;

export interface WhereOptions {
  /** Prefixes the columns (« j » → « j.jour »). */
  alias?: string;
  /** false: the table has no channel, leave that filter out. */
  canal?: boolean;
  /** The period column (days, or months for the monthly tables) and its runs; by default `jour` from `du` to `au`. */
  column?: 'jour' | 'mois' | 'recue_le' | 'repondu_le';
  ranges?: ReadonlyArray<readonly [string, string]>;
  /** true: the table is the detailed log (journal, recherches), which knows the desk: apply its filter. */
  poste?: boolean;
}

/** A column, prefixed by its table's alias when there is one (code's names only, never input). */
function column(alias: string | undefined, name: string): SqlFragment {
  return sql.ref(alias ? `${alias}.${name}` : name);
}

/** The period, then the point, its entité, the channel. */
export function whereOf(filtres: Filtres, options: WhereOptions = {}): SqlFragment {
  const a = options.alias;
  const period = column(a, options.column ?? 'jour');
  const ranges = options.ranges ?? [[filtres.du, filtres.au]];
  const clauses: SqlFragment[] = [
    ranges.length === 0
      ? sql`1 = 0`
      : sql`(${sql.join(
          ranges.map(([from, to]) => sql`${period} BETWEEN ${from} AND ${to}`),
          sql` OR `,
        )})`,
  ];
  if (filtres.pointId !== undefined) clauses.push(sql`${column(a, 'point_id')} = ${filtres.pointId}`);
  if (filtres.entite !== undefined)
    clauses.push(sql`${column(a, 'point_id')} IN (SELECT id FROM points WHERE entite = ${filtres.entite})`);
  if (filtres.posteId !== undefined && options.poste === true)
    clauses.push(sql`${column(a, 'poste_id')} = ${filtres.posteId}`);
  if (filtres.canal !== undefined && options.canal !== false)
    clauses.push(sql`${column(a, 'canal')} = ${filtres.canal}`);
  return sql.join(clauses, sql` AND `);
}

/**
 * The filter for a pair of tables: the monthly one for the whole months, the daily one for the edges. With a desk
 * chosen, the daily one covers it all: its stand-in is the desk's detailed log, which has no monthly counts.
 */
export function splitWhere(filtres: Filtres): { months: SqlFragment; days: SqlFragment } {
  if (filtres.posteId !== undefined)
    return { months: whereOf(filtres, { column: 'mois', ranges: [] }), days: whereOf(filtres) };
  const spans = spansOf(filtres.du, filtres.au);
  return {
    months: whereOf(filtres, { column: 'mois', ranges: spans.months ? [spans.months] : [] }),
    days: whereOf(filtres, { ranges: spans.days }),
  };
}

/** The points' filter alone (entité, point), on a table of points aliased `alias`. */
export function pointWhere(filtres: Pick<Filtres, 'entite' | 'pointId'>, alias: string): SqlFragment {
  const clauses: SqlFragment[] = [];
  if (filtres.pointId !== undefined) clauses.push(sql`${column(alias, 'id')} = ${filtres.pointId}`);
  if (filtres.entite !== undefined) clauses.push(sql`${column(alias, 'entite')} = ${filtres.entite}`);
  return clauses.length === 0 ? sql`1 = 1` : sql.join(clauses, sql` AND `);
}

/** The running counts by day that a desk's filter replaces with its detailed log. */
export type DayCounts =
  'indicateurs_jour' | 'indicateurs_service_jour' | 'indicateurs_heure_jour' | 'indicateurs_fiche_jour';

// The running counts have no desk column: a city's desks came after them, and the desk is a detail of the log
// that retention does not keep (its daily counts are by point). So a desk's figures are its detailed entries,
// grouped into the very shape of each counts table — the queries reading them stay the same — and they cover the
// retention period, as the hours and the fiches already do.
const POINT = sql`coalesce(j.point_id, 0)`;
function byDesk(table: DayCounts, posteId: number): SqlFragment {
  switch (table) {
    case 'indicateurs_jour':
      return sql`SELECT j.jour, j.issue, coalesce(j.motif, '') AS motif, ${POINT} AS point_id, j.canal,
          count(*) AS nombre, coalesce(sum(j.duree_s), 0) AS duree_totale_s, count(j.duree_s) AS duree_nombre
        FROM journal j WHERE j.poste_id = ${posteId}
        GROUP BY j.jour, j.issue, coalesce(j.motif, ''), ${POINT}, j.canal`;
    case 'indicateurs_service_jour':
      return sql`SELECT j.jour, ${POINT} AS point_id, j.canal, j.service_id, count(*) AS nombre
        FROM journal j WHERE j.poste_id = ${posteId} AND j.issue IN ('oriente_fiche', 'oriente_autre')
          AND j.service_id IS NOT NULL AND j.service_id <> ''
        GROUP BY j.jour, ${POINT}, j.canal, j.service_id`;
    case 'indicateurs_heure_jour':
      return sql`SELECT j.jour, ${POINT} AS point_id, j.canal, j.heure, count(*) AS nombre
        FROM journal j WHERE j.poste_id = ${posteId}
        GROUP BY j.jour, ${POINT}, j.canal, j.heure`;
    case 'indicateurs_fiche_jour':
      return sql`SELECT j.jour, ${POINT} AS point_id, j.canal, f.fiche_id, count(*) AS nombre
        FROM journal j JOIN journal_fiches f ON f.entree_id = j.id WHERE j.poste_id = ${posteId}
        GROUP BY j.jour, ${POINT}, j.canal, f.fiche_id`;
  }
}

/**
 * What to read `table` from, for `FROM ${dayCounts(…)}`: the table itself, or with a desk chosen, that desk's log
 * in the table's shape (a subquery named after the table, as PostgreSQL wants every subquery named).
 */
export function dayCounts(filtres: Filtres, table: DayCounts): SqlFragment {
  if (filtres.posteId === undefined) return sql.table(table);
  return sql`(${byDesk(table, filtres.posteId)}) AS ${sql.table(table)}`;
}
