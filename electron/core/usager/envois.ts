// The only trace of a fiche sent by e-mail: one more in the day's count for that fiche. Not the address, not
// the account, not the time: nothing that could lead back to the citizen.
import { addDaysToDay, parisDay } from '../../../common/dates';
import { sql, type Db } from '../store/db';

/** One statement (no read then write): two desks sending the same fiche at once both count. */
export async function countSend(db: Db, ficheId: string, now: Date): Promise<void> {
  await db.run(
    sql`INSERT INTO envois_fiches (jour, fiche_id, nombre) VALUES (${parisDay(now)}, ${ficheId}, 1)
        ON CONFLICT (jour, fiche_id) DO UPDATE SET nombre = envois_fiches.nombre + 1`,
  );
}

/** Fiches sent today and over the last thirty days (today included), in Paris. */
export async function sendCounts(db: Db, now: Date): Promise<{ aujourdhui: number; trenteJours: number }> {
  const today = parisDay(now);
  const sum = async (from: string) =>
    (await db.value<number>(
      sql`SELECT coalesce(sum(nombre), 0) FROM envois_fiches WHERE jour >= ${from} AND jour <= ${today}`,
    )) ?? 0;
  return { aujourdhui: await sum(today), trenteJours: await sum(addDaysToDay(today, -29)) };
}
