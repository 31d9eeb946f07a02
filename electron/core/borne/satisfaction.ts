// The satisfaction tap: one more in the day's count for that answer. Nothing else is written — no time, no
// session, no address — so a tap can never be traced back to a citizen.
import type { Db } from '../store/database';
import { addDaysToDay, parisDay } from '../../../common/dates';
import { SATISFACTION_NOTES, type SatisfactionNote } from '../../../common/borne/satisfaction';
import type { SatisfactionCounts } from '../../../common/borne/methods';

export function recordSatisfaction(db: Db, note: SatisfactionNote, now: Date): void {
  db.prepare(
    `INSERT INTO borne_satisfaction (jour, note, nombre) VALUES (?, ?, 1)
     ON CONFLICT (jour, note) DO UPDATE SET nombre = nombre + 1`,
  ).run(parisDay(now), note);
}

function byNote(rows: Array<{ note: string; nombre: number }>): Record<SatisfactionNote, number> {
  const counts = Object.fromEntries(SATISFACTION_NOTES.map((note) => [note, 0])) as Record<
    SatisfactionNote,
    number
  >;
  for (const row of rows) if (row.note in counts) counts[row.note as SatisfactionNote] = row.nombre;
  return counts;
}

export function satisfactionCounts(db: Db, now: Date): SatisfactionCounts {
  const query = (since: string) =>
    db
      .prepare('SELECT note, SUM(nombre) AS nombre FROM borne_satisfaction WHERE jour >= ? GROUP BY note')
      .all(since) as Array<{ note: string; nombre: number }>;
  return {
    total: byNote(query('')),
    trenteJours: byNote(query(addDaysToDay(parisDay(now), -29))),
  };
}
