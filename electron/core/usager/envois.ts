// The only trace of a fiche sent by e-mail: one more in the day's count for that fiche. Not the address, not
// the account, not the time: nothing that could lead back to the citizen.
import { addDaysToDay, parisDay } from '../../../common/dates';
import type { Db } from '../store/db';

export function countSend(db: Db, ficheId: string, now: Date): void {
  db.prepare(
    `INSERT INTO envois_fiches (jour, fiche_id, nombre) VALUES (?, ?, 1)
     ON CONFLICT (jour, fiche_id) DO UPDATE SET nombre = nombre + 1`,
  ).run(parisDay(now), ficheId);
}

/** Fiches sent today and over the last thirty days (today included), in Paris. */
export function sendCounts(db: Db, now: Date): { aujourdhui: number; trenteJours: number } {
  const today = parisDay(now);
  const sum = db
    .prepare('SELECT coalesce(sum(nombre), 0) FROM envois_fiches WHERE jour >= ? AND jour <= ?')
    .pluck();
  return {
    aujourdhui: sum.get(today, today) as number,
    trenteJours: sum.get(addDaysToDay(today, -29), today) as number,
  };
}
