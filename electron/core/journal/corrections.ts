// An agent's corrections: their own entries, of today only. Yesterday's figures may already have been read in a
// dashboard or exported; and nobody rewrites a colleague's contacts. Like logging, corrections are not written to
// the audit trail: the log is not a registry.
import type { Actor } from '../audit/record';
import { parisDay } from '../../../common/dates';
import { ForbiddenError, NotFoundError } from '../errors';
import type { Db } from '../store/db';
import type { Issue, JournalCanal, Motif } from '../../../common/journal/codes';
import type { JournalEntry } from './entry';
import { entriesOf, findEntry } from './entry';
import { checkOutcome } from './outcome';
import type { KnowledgeRefs } from './refs';

/** The entry, if the actor may change it now; the reason in French otherwise. */
function ownEntryOfToday(db: Db, actor: Actor, id: number, now: Date): JournalEntry {
  const entry = findEntry(db, id);
  if (!entry) throw new NotFoundError(`Le contact n° ${id} n’existe pas (ou a déjà été annulé).`);
  if (actor.compteId === null || entry.compteId !== actor.compteId)
    throw new ForbiddenError('Vous ne pouvez corriger que les contacts que vous avez enregistrés.');
  if (entry.jour !== parisDay(now))
    throw new ForbiddenError('Seuls les contacts du jour peuvent être corrigés ou annulés.');
  return entry;
}

/** The actor's entries of today, the latest first. */
export function myEntries(db: Db, actor: Actor, now: Date): JournalEntry[] {
  return actor.compteId === null ? [] : entriesOf(db, actor.compteId, parisDay(now));
}

/** « Annuler » on the toast: the entry goes, with its fiches; its searches stay, unlinked. */
export function cancelEntry(db: Db, actor: Actor, id: number, now: Date): { id: number } {
  db.legacyTransaction(() => {
    ownEntryOfToday(db, actor, id, now);
    db.prepare('DELETE FROM journal WHERE id = ?').run(id);
  })();
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
export function updateEntry(
  db: Db,
  refs: KnowledgeRefs,
  actor: Actor,
  input: UpdateInput,
  now: Date,
): JournalEntry {
  db.legacyTransaction(() => {
    const entry = ownEntryOfToday(db, actor, input.id, now);
    const outcome = {
      issue: input.issue,
      canal: input.canal,
      serviceId: input.serviceId ?? null,
      motif: input.motif ?? null,
      theme: input.theme ?? null,
    };
    // The kept thème was checked when the contact was logged (it may have left the thèmes list since).
    checkOutcome(refs, outcome, entry.fiches);
    db.prepare(
      'UPDATE journal SET issue = ?, canal = ?, service_id = ?, motif = ?, theme = ? WHERE id = ?',
    ).run(
      outcome.issue,
      outcome.canal,
      outcome.serviceId,
      outcome.motif,
      outcome.theme ?? entry.theme,
      input.id,
    );
  })();
  const updated = findEntry(db, input.id);
  if (!updated) throw new NotFoundError(`Le contact n° ${input.id} n’existe plus.`);
  return updated;
}
