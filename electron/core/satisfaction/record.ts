// The one-tap rating: one more in the day's count for the desk's point, channel, answer and source. Nothing
// else is kept — no time of day, no account, no link to the contact just logged — so a rating cannot be traced
// back to a citizen (nor to the agent who asked).
import { parisDay } from '../../../common/dates';
import type { JournalCanal } from '../../../common/journal/codes';
import type { Note, SourceSatisfaction } from '../../../common/satisfaction/codes';
import type { NoteEnregistree } from '../../../common/satisfaction/methods';
import { deskPoint } from '../journal/record';
import type { CallPoint } from '../points/call-point';
import { sql, type Db } from '../store/db';

/** Adds `nombre` answers to a day's count (the caller runs it inside its transaction when it adds several). */
export async function addRatings(
  db: Db,
  row: { jour: string; pointId: number; canal: string; note: Note; source: SourceSatisfaction },
  nombre: number,
): Promise<void> {
  // One statement: two desks rating at once both count (the conflict adds to the existing row).
  await db.run(
    sql`INSERT INTO satisfaction_jour (jour, point_id, canal, note, source, nombre)
        VALUES (${row.jour}, ${row.pointId}, ${row.canal}, ${row.note}, ${row.source}, ${nombre})
        ON CONFLICT (jour, point_id, canal, note, source)
        DO UPDATE SET nombre = satisfaction_jour.nombre + excluded.nombre`,
  );
}

export async function recordRating(
  db: Db,
  input: { note: Note; canal?: JournalCanal; source: 'comptoir' | 'tablette' },
  now: Date,
  /** The point of the call (a city desk's own); the installation's by default. */
  point?: CallPoint | null,
): Promise<NoteEnregistree> {
  const desk = await deskPoint(db, point);
  const row = {
    jour: parisDay(now),
    pointId: desk.pointId,
    canal: input.canal ?? desk.canal,
    note: input.note,
    source: input.source,
  };
  await addRatings(db, row, 1);
  return row;
}
