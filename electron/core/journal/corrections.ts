// An agent's corrections: their own entries, of today only. Yesterday's figures may already have been read in a
// dashboard or exported; and nobody rewrites a colleague's contacts. Like logging, corrections are not written to
// the audit trail: the log is not a registry.
import type { Actor } from '../audit/record';
import { parisDay } from '../../../common/dates';
import { ForbiddenError, NotFoundError } from '../errors';
import { sql, type Db } from '../store/db';
import type { Issue, JournalCanal, Motif } from '../../../common/journal/codes';
import type { JournalEntry } from './entry';
import { entriesOf, findEntry } from './entry';
import { checkOutcome } from './outcome';
import type { KnowledgeRefs } from './refs';

/** The entry, if the actor may change it now; the reason in French otherwise. */
async function ownEntryOfToday(db: Db, actor: Actor, id: number, now: Date): Promise<JournalEntry> {
  const entry = await findEntry(db, id);
  if (!entry) throw new NotFoundError(`Le contact n° ${id} n’existe pas (ou a déjà été annulé).`);
  if (actor.compteId === null || entry.compteId !== actor.compteId)
    throw new ForbiddenError('Vous ne pouvez corriger que les contacts que vous avez enregistrés.');
  if (entry.jour !== parisDay(now))
    throw new ForbiddenError('Seuls les contacts du jour peuvent être corrigés ou annulés.');
  return entry;
}

/** The actor's entries of today, the latest first. */
export async function myEntries(db: Db, actor: Actor, now: Date): Promise<JournalEntry[]> {
  return actor.compteId === null ? [] : await entriesOf(db, actor.compteId, parisDay(now));
}

/** « Annuler » on the toast: the entry goes, with its fiches; its searches stay, unlinked. */
export async function cancelEntry(db: Db, actor: Actor, id: number, now: Date): Promise<{ id: number }> {
  // Checked and deleted in one transaction: a concurrent cancel finds it gone (« n’existe pas »).
  await db.transaction(async (tx) => {
    await ownEntryOfToday(tx, actor, id, now);
    await tx.run(sql`DELETE FROM journal WHERE id = ${id}`);
  });
  return { id };
}

export interface UpdateInput {
  id: number;
  issue: Issue;
  canal: JournalCanal;
  /** Replaced: absent means none (a service and a reason belong to the outcome). */
  serviceId?: string;
  motif?: Motif;
  /** Absent keeps the thème captured when the contact was logged. */
  theme?: string;
}

/** Corrects the outcome of an entry; the fiches consulted, its time and its duration stay as logged. */
export async function updateEntry(
  db: Db,
  refs: KnowledgeRefs,
  actor: Actor,
  input: UpdateInput,
  now: Date,
): Promise<JournalEntry> {
  // Checked and written in one transaction, and read back in it: the entry returned is the one written.
  return db.transaction(async (tx) => {
    const entry = await ownEntryOfToday(tx, actor, input.id, now);
    const outcome = {
      issue: input.issue,
      canal: input.canal,
      serviceId: input.serviceId ?? null,
      motif: input.motif ?? null,
      theme: input.theme ?? null,
    };
    // The kept thème was checked when the contact was logged (it may have left the thèmes list since).
    checkOutcome(refs, outcome, entry.fiches);
    await tx.run(
      sql`UPDATE journal SET issue = ${outcome.issue}, canal = ${outcome.canal}, service_id = ${outcome.serviceId},
            motif = ${outcome.motif}, theme = ${outcome.theme ?? entry.theme}
          WHERE id = ${input.id}`,
    );
    const updated = await findEntry(tx, input.id);
    if (!updated) throw new NotFoundError(`Le contact n° ${input.id} n’existe plus.`);
    return updated;
  });
}
