// The one-tap rating: one more in the day's count for the desk's point, channel, answer and source. Nothing
// else is kept — no time of day, no account, no link to the contact just logged — so a rating cannot be traced
// back to a citizen (nor to the agent who asked).
import { parisDay } from '../../../common/dates';
import type { JournalCanal } from '../../../common/journal/codes';
import type { Note, SourceSatisfaction } from '../../../common/satisfaction/codes';
import type { NoteEnregistree } from '../../../common/satisfaction/methods';
import { deskPoint } from '../journal/record';
import type { CallPoint } from '../points/call-point';
import type { Db } from '../store/db';

/** Adds `nombre` answers to a day's count (the caller runs it inside its transaction when it adds several). */
export function addRatings(
  db: Db,
  row: { jour: string; pointId: number; canal: string; note: Note; source: SourceSatisfaction },
  nombre: number,
): void {
  db.prepare(
    `INSERT INTO satisfaction_jour (jour, point_id, canal, note, source, nombre) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (jour, point_id, canal, note, source) DO UPDATE SET nombre = nombre + excluded.nombre`,
  ).run(row.jour, row.pointId, row.canal, row.note, row.source, nombre);
}

export function recordRating(
  db: Db,
  input: { note: Note; canal?: JournalCanal; source: 'comptoir' | 'tablette' },
  now: Date,
  /** The point of the call (a city desk's own); the installation's by default. */
  point?: CallPoint | null,
): NoteEnregistree {
  const desk = deskPoint(db, point);
  const row = {
    jour: parisDay(now),
    pointId: desk.pointId,
    canal: input.canal ?? desk.canal,
    note: input.note,
    source: input.source,
  };
  addRatings(db, row, 1);
  return row;
}
