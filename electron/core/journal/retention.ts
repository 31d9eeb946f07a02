// Retention (CNIL minimisation): after N months (24 by default) the log's entries are folded into daily counts
// per day, point, thème, channel, outcome, reason and service, then deleted with their fiches; the searches of
// the same age are deleted. Every total the indicators compute from those keys stays exactly the same; what is
// lost is what minimisation asks to lose: the time of day, the account that logged it, the fiches consulted.
import { z } from 'zod';
import type { Actor } from '../audit/record';
import { recordAudit, SYSTEM_ACTOR } from '../audit/record';
import { addMonthsToDay, parisDay } from '../../../common/dates';
import type { Db } from '../store/db';
import { readSetting, writeSetting } from '../store/settings';
import { DEFAULT_RETENTION_MOIS } from '../../../common/journal/codes';
import type { RetentionResult } from '../../../common/journal/types';

export const RETENTION_KEY = 'journal.retention_mois';

const retentionSchema = z.number().int().min(1);

export function readRetention(db: Db): { mois: number } {
  return { mois: readSetting(db, RETENTION_KEY, retentionSchema, DEFAULT_RETENTION_MOIS) };
}

/** A setting of the installation: audited like the others, in the same transaction. */
export function writeRetention(db: Db, actor: Actor, mois: number, now: Date): { mois: number } {
  db.legacyTransaction(() => {
    const avant = readRetention(db);
    writeSetting(db, RETENTION_KEY, mois);
    recordAudit(
      db,
      actor,
      { action: 'modification', objet: 'reglage', objetId: RETENTION_KEY, avant, apres: { mois } },
      now,
    );
  })();
  return readRetention(db);
}

/**
 * Folds and deletes what is older than the retention period, in one transaction (all or nothing: a crash
 * midway leaves the entries where they were, never counted twice). Idempotent: a second run finds nothing.
 * Audited when it changed something, as the trace of a deletion an administrator may be asked about.
 */
export function runRetention(db: Db, now: Date, actor: Actor = SYSTEM_ACTOR): RetentionResult {
  const { mois } = readRetention(db);
  const limite = addMonthsToDay(parisDay(now), -mois);
  return db.legacyTransaction((): RetentionResult => {
    // Empty string and 0 stand for NULL in the daily counts so their primary key can hold every group.
    // The SELECT keeps its WHERE clause: SQLite needs one to parse the UPSERT that follows a SELECT.
    const folded = db.prepare('SELECT count(*) FROM journal WHERE jour < ?').pluck().get(limite) as number;
    db.prepare(
      `INSERT INTO journal_quotidien
           (jour, point_id, theme, canal, issue, motif, service_id, nombre, duree_totale_s, duree_nombre)
         SELECT jour, coalesce(point_id, 0), coalesce(theme, ''), canal, issue, coalesce(motif, ''),
                coalesce(service_id, ''), count(*), coalesce(sum(duree_s), 0), count(duree_s)
         FROM journal WHERE jour < ?
         GROUP BY jour, coalesce(point_id, 0), coalesce(theme, ''), canal, issue, coalesce(motif, ''),
                  coalesce(service_id, '')
         ON CONFLICT (jour, point_id, theme, canal, issue, motif, service_id) DO UPDATE SET
           nombre = nombre + excluded.nombre,
           duree_totale_s = duree_totale_s + excluded.duree_totale_s,
           duree_nombre = duree_nombre + excluded.duree_nombre`,
    ).run(limite);
    // Searches first, so deleting the entries has no link left to clear; then the fiches, then the entries.
    const recherches = db.prepare('DELETE FROM recherches WHERE jour < ?').run(limite).changes;
    db.prepare('DELETE FROM journal_fiches WHERE entree_id IN (SELECT id FROM journal WHERE jour < ?)').run(
      limite,
    );
    const deleted = db.prepare('DELETE FROM journal WHERE jour < ?').run(limite).changes;
    if (deleted !== folded) throw new Error(`retention folded ${folded} entries but deleted ${deleted}`);
    // The agents' opinions on fiches serve the editors' backlog only: same period, then gone.
    const avis = db.prepare('DELETE FROM avis_fiches WHERE jour < ?').run(limite).changes;
    if (deleted > 0 || recherches > 0 || avis > 0) {
      recordAudit(
        db,
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
  })();
}
