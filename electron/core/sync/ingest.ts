// A desk's batch, entry by entry, each in one transaction with its effect. The entry's uid is claimed first
// (`INSERT … ON CONFLICT DO NOTHING`): of two desks, or two sends, delivering the same uid at once, exactly one
// inserts it; the other changes nothing and answers « doublon » (the indicator triggers run in the statement
// that writes an entry, so a replay must not reach it). Then the entry is applied in a savepoint, or refused:
// the savepoint is rolled back, the refusal kept as a dead letter (sync_rejets) and its uid marked « rejete »,
// so a replay of it answers « doublon » too. One entry's refusal never fails the batch.
import type { z } from 'zod';
import type { IngestResult } from '../../../common/sync/methods';
import { outboxEntry } from '../../../common/sync/methods';
import type { CallingDesk } from '../points/call-point';
import { sql, type Db } from '../store/db';
import type { IngestKnowledge } from './apply';
import { applyEntry, effectiveTime, reasonOf } from './apply';
import { mustPropagate } from './must-propagate';

export interface Batch {
  /** The desk's clock when it sent the batch. */
  sentAt: string;
  /** As sent: each is checked here, on its own. */
  entries: ReadonlyArray<{ uid: string }>;
}

/** Why an entry does not read as one, in French: its first problem, with where it is. */
function malformed(error: z.ZodError): string {
  const [first] = error.issues;
  const where = first && first.path.length > 0 ? ` (${first.path.join('.')})` : '';
  return `Entrée mal formée${where} : ${first?.message ?? 'illisible'}. Le poste doit être mis à jour.`;
}

/** Claims `uid` for this delivery; false when it was already handled (or is being handled by a concurrent one). */
async function claim(
  tx: Db,
  entry: { uid: string; kind: string },
  posteId: number,
  now: Date,
): Promise<boolean> {
  const { changes } = await tx.run(
    sql`INSERT INTO sync_recus (uid, kind, poste_id, statut, recu_le)
        VALUES (${entry.uid}, ${entry.kind}, ${posteId}, 'accepte', ${now.toISOString()})
        ON CONFLICT (uid) DO NOTHING`,
  );
  return changes === 1;
}

/**
 * Sets what became of a claimed uid: refused into the dead letters, or accepted (a dead letter retried by an
 * administrator). Every dead letter's uid was claimed when it came.
 */
export async function setReceivedStatus(db: Db, uid: string, statut: 'accepte' | 'rejete'): Promise<void> {
  await db.run(sql`UPDATE sync_recus SET statut = ${statut} WHERE uid = ${uid}`);
}

async function ingestOne(
  db: Db,
  knowledge: IngestKnowledge,
  desk: CallingDesk,
  sent: { uid: string },
  sentAt: string,
  now: Date,
): Promise<IngestResult> {
  const parsed = outboxEntry.safeParse(sent);
  const raw = sent as { kind?: unknown; compteId?: unknown };
  const kind = parsed.success ? parsed.data.kind : typeof raw.kind === 'string' ? raw.kind.slice(0, 60) : '?';
  return db.transaction(async (tx): Promise<IngestResult> => {
    if (!(await claim(tx, { uid: sent.uid, kind }, desk.id, now)))
      return { uid: sent.uid, statut: 'doublon' };
    if (!parsed.success) {
      const compteId = typeof raw.compteId === 'number' && Number.isInteger(raw.compteId) ? raw.compteId : 0;
      const motif = malformed(parsed.error);
      await deadLetter(tx, { uid: sent.uid, kind, compteId }, desk, now, now, motif, sent);
      await setReceivedStatus(tx, sent.uid, 'rejete');
      return { uid: sent.uid, statut: 'rejete', motif };
    }
    const entry = parsed.data;
    const at = effectiveTime(entry.at, sentAt, now);
    try {
      // A savepoint: a refusal half-way leaves nothing of the entry behind.
      await tx.savepoint(() => applyEntry(tx, knowledge, desk, entry, at, now));
      return { uid: entry.uid, statut: 'accepte' };
    } catch (error) {
      if (mustPropagate(error)) throw error;
      const motif = reasonOf(error);
      await deadLetter(tx, entry, desk, at, now, motif, entry);
      await setReceivedStatus(tx, entry.uid, 'rejete');
      return { uid: entry.uid, statut: 'rejete', motif };
    }
  });
}

/** Keeps what the server refused, with why, as the desk sent it: a dead letter an administrator sees. */
async function deadLetter(
  db: Db,
  entry: { uid: string; kind: string; compteId: number },
  desk: CallingDesk,
  at: Date,
  now: Date,
  motif: string,
  sent: unknown,
): Promise<void> {
  await db.run(
    sql`INSERT INTO sync_rejets (uid, kind, poste_id, compte_id, horodatage, recu_le, motif, payload)
        VALUES (${entry.uid}, ${entry.kind}, ${desk.id}, ${entry.compteId}, ${at.toISOString()},
          ${now.toISOString()}, ${motif}, ${JSON.stringify(sent)})`,
  );
}

/** Handles a desk's batch in order (a correction may follow its record in the same batch), entry by entry. */
export async function ingestBatch(
  db: Db,
  knowledge: IngestKnowledge,
  desk: CallingDesk,
  batch: Batch,
  now: Date,
): Promise<IngestResult[]> {
  const results: IngestResult[] = [];
  for (const entry of batch.entries)
    results.push(await ingestOne(db, knowledge, desk, entry, batch.sentAt, now));
  return results;
}
