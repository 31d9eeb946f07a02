// The kiosk's satisfaction tap: one more in the day's satisfaction count, source « borne » — the same counts as
// the desks' one-tap ratings and the surveys, so the indicators and the published results include it. Nothing
// else is written — no time, no session, no address — so a tap can never be traced back to a citizen. A kiosk
// stands in a hall: its point is the installation's when it has one, else the city as a whole (0).
import { sql, type Db } from '../store/db';
import { addDaysToDay, parisDay } from '../../../common/dates';
import { SATISFACTION_NOTES, type SatisfactionNote } from '../../../common/borne/satisfaction';
import type { SatisfactionCounts } from '../../../common/borne/methods';
import { installationPoint } from '../points/installation-point';
import { addRatings } from '../satisfaction/record';

export async function recordSatisfaction(db: Db, note: SatisfactionNote, now: Date): Promise<void> {
  const pointId = (await installationPoint(db))?.pointId ?? 0;
  await addRatings(db, { jour: parisDay(now), pointId, canal: 'accueil_physique', note, source: 'borne' }, 1);
}

function byNote(rows: Array<{ note: string; nombre: number }>): Record<SatisfactionNote, number> {
  const counts = Object.fromEntries(SATISFACTION_NOTES.map((note) => [note, 0])) as Record<
    SatisfactionNote,
    number
  >;
  for (const row of rows) if (row.note in counts) counts[row.note as SatisfactionNote] = row.nombre;
  return counts;
}

export async function satisfactionCounts(db: Db, now: Date): Promise<SatisfactionCounts> {
  const query = (since: string) =>
    db.all<{ note: string; nombre: number }>(
      sql`SELECT note, SUM(nombre) AS nombre FROM satisfaction_jour WHERE source = 'borne' AND jour >= ${since}
         GROUP BY note`,
    );
  return {
    total: byNote(await query('')),
    trenteJours: byNote(await query(addDaysToDay(parisDay(now), -29))),
  };
}
