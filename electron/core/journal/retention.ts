// Retention (CNIL minimisation): after N months (24 by default) the log's entries are folded into daily counts
// per day, point, thème, channel, outcome, reason and service, then deleted with their fiches; the searches of
// the same age are deleted. Every total the indicators compute from those keys stays exactly the same; what is
// lost is what minimisation asks to lose: the time of day, the account that logged it, the fiches consulted.
import { z } from 'zod';
import type { Actor } from '../audit/record';
import { recordAudit, SYSTEM_ACTOR } from '../audit/record';
import { addMonthsToDay, parisDay } from '../../../common/dates';
import { sql, type Db } from '../store/db';
import { readSetting, writeSetting } from '../store/settings';
import { DEFAULT_RETENTION_MOIS } from '../../../common/journal/codes';
import type { RetentionResult } from '../../../common/journal/types';

export const RETENTION_KEY = 'journal.retention_mois';

const retentionSchema = z.number().int().min(1);

export async function readRetention(db: Db): Promise<{ mois: number }> {
  return { mois: await readSetting(db, RETENTION_KEY, retentionSchema, DEFAULT_RETENTION_MOIS) };
}

/** A setting of the installation: audited like the others, in the same transaction. */
export async function writeRetention(
  db: Db,
  actor: Actor,
  mois: number,
  now: Date,
): Promise<{ mois: number }> {
  return db.transaction(async (tx) => {
    const avant = await readRetention(tx);
    await writeSetting(tx, RETENTION_KEY, mois);
    await recordAudit(
      tx,
      actor,
      { action: 'modification', objet: 'reglage', objetId: RETENTION_KEY, avant, apres: { mois } },
      now,
    );
    return readRetention(tx);
  });
}

/**
 * Folds and deletes what is older than the retention period, in one transaction (all or nothing: a crash
 * midway leaves the entries where they were, never counted twice). Idempotent: a second run finds nothing.
 * Audited when it changed something, as the trace of a deletion an administrator may be asked about.
 */
export async function runRetention(db: Db, now: Date, actor: Actor = SYSTEM_ACTOR): Promise<RetentionResult> {
  return db.transaction(async (tx): Promise<RetentionResult> => {
    // Read in the transaction: the period and what it folds are those of one moment.
    const { mois } = await readRetention(tx);
    const limite = addMonthsToDay(parisDay(now), -mois);
    // Empty string and 0 stand for NULL in the daily counts so their primary key can hold every group.
    // The SELECT keeps its WHERE clause: SQLite needs one to parse the UPSERT that follows a SELECT.
    const folded = (await tx.value<number>(sql`SELECT count(*) FROM journal WHERE jour < ${limite}`)) ?? 0;
    await tx.run(
      sql`INSERT INTO journal_quotidien
            (jour, point_id, theme, canal, issue, motif, service_id, nombre, duree_totale_s, duree_nombre)
          SELECT jour, coalesce(point_id, 0), coalesce(theme, ''), canal, issue, coalesce(motif, ''),
                 coalesce(service_id, ''), count(*), coalesce(sum(duree_s), 0), count(duree_s)
          FROM journal WHERE jour < ${limite}
          GROUP BY jour, coalesce(point_id, 0), coalesce(theme, ''), canal, issue, coalesce(motif, ''),
                   coalesce(service_id, '')
          ON CONFLICT (jour, point_id, theme, canal, issue, motif, service_id) DO UPDATE SET
            nombre = journal_quotidien.nombre + excluded.nombre,
            duree_totale_s = journal_quotidien.duree_totale_s + excluded.duree_totale_s,
            duree_nombre = journal_quotidien.duree_nombre + excluded.duree_nombre`,
    );
    // Searches first, so deleting the entries has no link left to clear; then the fiches, then the entries.
    const recherches = (await tx.run(sql`DELETE FROM recherches WHERE jour < ${limite}`)).changes;
    await tx.run(
      sql`DELETE FROM journal_fiches WHERE entree_id IN (SELECT id FROM journal WHERE jour < ${limite})`,
    );
    const deleted = (await tx.run(sql`DELETE FROM journal WHERE jour < ${limite}`)).changes;
    if (deleted !== folded) throw new Error(`retention folded ${folded} entries but deleted ${deleted}`);
    // The agents' opinions on fiches serve the editors' backlog only: same period, then gone.
    const avis = (await tx.run(sql`DELETE FROM avis_fiches WHERE jour < ${limite}`)).changes;
    if (deleted > 0 || recherches > 0 || avis > 0) {
      await recordAudit(
        tx,
        actor,
        {
          action: 'retention',
          objet: 'journal',
          objetId: null,
          apres: { limite, mois, entrees: deleted, recherches, avis },
        },
        now,
      );
    }
    return { aggregated: folded, deleted, recherches, avis, limite };
  });
}
