// Satisfaction counts under the dashboard's filters (period, point, entité, channel), by answer, channel and
// source. City-wide surveys (point 0) count for the city, not for a point or an entité.
import type { Filtres } from '../../../common/indicateurs/types';
import type { CompteNotes, Note, SourceSatisfaction } from '../../../common/satisfaction/codes';
import { NOTES, SOURCES, zeroNotes } from '../../../common/satisfaction/codes';
import { whereOf } from '../indicateurs/filters';
import type { Db } from '../store/db';

export interface SatisfactionCounts {
  parNote: CompteNotes;
  parCanal: Array<{ canal: string; parNote: CompteNotes }>;
  parSource: Record<SourceSatisfaction, number>;
}

export function satisfactionCounts(db: Db, filtres: Filtres): SatisfactionCounts {
  const where = whereOf(filtres);
  const rows = db
    .prepare(
      `SELECT canal, note, source, sum(nombre) AS nombre FROM satisfaction_jour WHERE ${where.sql}
       GROUP BY canal, note, source`,
    )
    .all(...where.params) as Array<{ canal: string; note: Note; source: SourceSatisfaction; nombre: number }>;
  const parNote = zeroNotes();
  const byCanal = new Map<string, CompteNotes>();
  const parSource = Object.fromEntries(SOURCES.map((s) => [s, 0])) as Record<SourceSatisfaction, number>;
  for (const row of rows) {
    if (!(NOTES as readonly string[]).includes(row.note)) continue;
    parNote[row.note] += row.nombre;
    const canal = byCanal.get(row.canal) ?? zeroNotes();
    canal[row.note] += row.nombre;
    byCanal.set(row.canal, canal);
    parSource[row.source] = (parSource[row.source] ?? 0) + row.nombre;
  }
  return {
    parNote,
    parCanal: [...byCanal].map(([canal, notes]) => ({ canal, parNote: notes })),
    parSource,
  };
}
