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
  if (filtres.canal !== undefined && options.canal !== false) {
    clauses.push(`${a}canal = ?`);
    params.push(filtres.canal);
  }
  return { sql: clauses.join(' AND '), params };
}

/** The filter for a pair of tables: the monthly one for the whole months, the daily one for the edges. */
export function splitWhere(filtres: Filtres): { months: SqlWhere; days: SqlWhere } {
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
