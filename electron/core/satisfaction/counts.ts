// Satisfaction counts under the dashboard's filters (period, point, entité, channel), by answer, channel and
// source. City-wide surveys (point 0) count for the city, not for a point or an entité.
import type { Filtres } from '../../../common/indicateurs/types';
import type { CompteNotes, Note, SourceSatisfaction } from '../../../common/satisfaction/codes';
import { NOTES, SOURCES, zeroNotes } from '../../../common/satisfaction/codes';
import type { RawBuilder } from '../store/db';
import { sql, type Db } from '../store/db';

export interface SatisfactionCounts {
  parNote: CompteNotes;
  parCanal: Array<{ canal: string; parNote: CompteNotes }>;
  parSource: Record<SourceSatisfaction, number>;
}

/**
 * The dashboard's filters on `satisfaction_jour` (period, point, entité, channel): the same clause as the
 * indicators' `whereOf`, written here as a Kysely fragment so this module does not depend on that one's shape.
 */
function whereOf(filtres: Filtres): RawBuilder<unknown> {
  const clauses: RawBuilder<unknown>[] = [sql`jour BETWEEN ${filtres.du} AND ${filtres.au}`];
  if (filtres.pointId !== undefined) clauses.push(sql`point_id = ${filtres.pointId}`);
  if (filtres.entite !== undefined)
    clauses.push(sql`point_id IN (SELECT id FROM points WHERE entite = ${filtres.entite})`);
  if (filtres.canal !== undefined) clauses.push(sql`canal = ${filtres.canal}`);
  return sql.join(clauses, sql` AND `);
}

export async function satisfactionCounts(db: Db, filtres: Filtres): Promise<SatisfactionCounts> {
  const rows = await db.all<{ canal: string; note: Note; source: SourceSatisfaction; nombre: number }>(
    sql`SELECT canal, note, source, sum(nombre) AS nombre FROM satisfaction_jour WHERE ${whereOf(filtres)}
        GROUP BY canal, note, source`,
  );
  const parNote = zeroNotes();
  const byCanal = new Map<string, CompteNotes>();
  const parSource = Object.fromEntries(SOURCES.map((s) => [s, 0])) as Record<SourceSatisfaction, number>;
  for (const row of rows) {
    if (!(NOTES as readonly string[]).includes(row.note)) continue;
    const nombre = Number(row.nombre);
    parNote[row.note] += nombre;
    const canal = byCanal.get(row.canal) ?? zeroNotes();
    canal[row.note] += nombre;
    byCanal.set(row.canal, canal);
    parSource[row.source] = (parSource[row.source] ?? 0) + nombre;
  }
  return {
    parNote,
    parCanal: [...byCanal].map(([canal, notes]) => ({ canal, parNote: notes })),
    parSource,
  };
}
