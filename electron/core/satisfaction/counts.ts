// Satisfaction counts under the dashboard's filters (period, point, entité, channel), by answer, channel and
// source. City-wide surveys (point 0) count for the city, not for a point or an entité.
import type { Filtres } from '../../../common/indicateurs/types';
import type { CompteNotes, Note, SourceSatisfaction } from '../../../common/satisfaction/codes';
import { NOTES, SOURCES, zeroNotes } from '../../../common/satisfaction/codes';
import { whereOf } from '../indicateurs/filters';
import { sql, type Db } from '../store/db';

export interface SatisfactionCounts {
  parNote: CompteNotes;
  parCanal: Array<{ canal: string; parNote: CompteNotes }>;
  parSource: Record<SourceSatisfaction, number>;
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
    const { nombre } = row;
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
