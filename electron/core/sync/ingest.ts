// A desk's batch, entry by entry, each in one transaction with its effect: an uid already handled answers
// « doublon » and changes nothing (the indicator triggers run in the statement that writes an entry, so a replay
// must not reach it); otherwise the entry is applied and its uid recorded, or it is refused: the refusal is
// recorded as a dead letter (sync_rejets) and its uid as handled, so a replay of it answers « doublon » too.
// One entry's refusal never fails the batch.
import type { z } from 'zod';
import type { IngestResult } from '../../../common/sync/methods';
import { outboxEntry } from '../../../common/sync/methods';
import type { CallingDesk } from '../points/call-point';
import type { Db } from '../store/db';
import type { IngestKnowledge } from './apply';
import { applyEntry, effectiveTime, reasonOf } from './apply';

export interface Batch {
  /** The desk's clock when it sent the batch. */
  sentAt: string;
  /** As sent: each is checked here, on its own. */
  entries: ReadonlyArray<{ uid: string }>;
}

/** Records that the server handled `uid` (accepted, or refused into the dead letters). */
export function markReceived(
  db: Db,
  entry: { uid: string; kind: string },
  posteId: number | null,
  statut: 'accepte' | 'rejete',
  now: Date,
): void {
  db.prepare(
    `INSERT INTO sync_recus (uid, kind, poste_id, statut, recu_le) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (uid) DO UPDATE SET statut = excluded.statut`,
  ).run(entry.uid, entry.kind, posteId, statut, now.toISOString());
}

/** Why an entry does not read as one, in French: its first problem, with where it is. */
function malformed(error: z.ZodError): string {
  const [first] = error.issues;
  const where = first && first.path.length > 0 ? ` (${first.path.join('.')})` : '';
  return `Entrée mal formée${where} : ${first?.message ?? 'illisible'}. Le poste doit être mis à jour.`;
}

function ingestOne(
  db: Db,
  knowledge: IngestKnowledge,
  desk: CallingDesk,
  sent: { uid: string },
  sentAt: string,
  now: Date,
): IngestResult {
  return db.legacyTransaction((): IngestResult => {
    if (db.prepare('SELECT 1 FROM sync_recus WHERE uid = ?').get(sent.uid) !== undefined)
      return { uid: sent.uid, statut: 'doublon' };
    const parsed = outboxEntry.safeParse(sent);
    if (!parsed.success) {
      const raw = sent as { kind?: unknown; compteId?: unknown };
      const kind = typeof raw.kind === 'string' ? raw.kind.slice(0, 60) : '?';
      const compteId = typeof raw.compteId === 'number' && Number.isInteger(raw.compteId) ? raw.compteId : 0;
      const motif = malformed(parsed.error);
      deadLetter(db, { uid: sent.uid, kind, compteId }, desk, now, now, motif, sent);
      markReceived(db, { uid: sent.uid, kind }, desk.id, 'rejete', now);
      return { uid: sent.uid, statut: 'rejete', motif };
    }
    const entry = parsed.data;
    const at = effectiveTime(entry.at, sentAt, now);
    try {
      // A savepoint: a refusal half-way leaves nothing of the entry behind.
      db.legacyTransaction(() => applyEntry(db, knowledge, desk, entry, at, now))();
      markReceived(db, entry, desk.id, 'accepte', now);
      return { uid: entry.uid, statut: 'accepte' };
    } catch (error) {
      const motif = reasonOf(error);
      deadLetter(db, entry, desk, at, now, motif, entry);
      markReceived(db, entry, desk.id, 'rejete', now);
      return { uid: entry.uid, statut: 'rejete', motif };
    }
  })();
}

/** Keeps what the server refused, with why, as the desk sent it: a dead letter an administrator sees. */
function deadLetter(
  db: Db,
  entry: { uid: string; kind: string; compteId: number },
  desk: CallingDesk,
  at: Date,
  now: Date,
  motif: string,
  sent: unknown,
): void {
  db.prepare(
    `INSERT INTO sync_rejets (uid, kind, poste_id, compte_id, horodatage, recu_le, motif, payload)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    entry.uid,
    entry.kind,
    desk.id,
    entry.compteId,
    at.toISOString(),
    now.toISOString(),
    motif,
    JSON.stringify(sent),
  );
}

/** Handles a desk's batch in order (a correction may follow its record in the same batch). */
export function ingestBatch(
  db: Db,
  knowledge: IngestKnowledge,
  desk: CallingDesk,
  batch: Batch,
  now: Date,
): IngestResult[] {
  return batch.entries.map((entry) => ingestOne(db, knowledge, desk, entry, batch.sentAt, now));
}
