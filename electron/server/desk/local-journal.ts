// The log's methods on a connected desk, answered from the outbox: each one commits its entry and its mirror row
// in one transaction, then answers the window (so its toast means « on the desk's disk »), online or not. The
// checks are the core's own (codes against the desk's copy of the knowledge base, one's own entries of the day
// only), with the same French messages; the server checks everything again when the entry arrives.
//
// The outbox is its own better-sqlite3 file and its transactions stay synchronous, which is what keeps
// « confirmed ⇒ committed »: nothing here awaits between the start of an outbox transaction and its commit, and
// the window's answer is built only after the commit. The core calls made here (checkFiches, checkOutcome,
// durationSince, parisHour) read no database, so they run inside the synchronous transaction unchanged. Should a
// method ever need the core's (async) database, it must await that read BEFORE opening the outbox transaction,
// then enqueue synchronously: an await inside `outbox.transaction` would commit before the work is done.
import { parisDay } from '../../../common/dates';
import type { z } from 'zod';
import type { OutputOf, methods } from '../../../common/contract';
import type { JournalEntry } from '../../../common/journal/types';
import type { JournalCanal } from '../../../common/journal/codes';
import { MAX_FICHES } from '../../../common/journal/codes';
import { outboxPayloads, type OutboxKind } from '../../../common/sync/methods';
import { ForbiddenError, NotFoundError, RefusedError } from '../../core/errors';
import { parisHour } from '../../core/journal/clock';
import { checkFiches, checkOutcome } from '../../core/journal/outcome';
import { durationSince } from '../../core/journal/record';
import type { KnowledgeRefs } from '../../core/journal/refs';
import type { Outbox } from './outbox';

/** The methods whose effects travel through the outbox. */
export const OUTBOX_METHODS = [
  'journal.record',
  'journal.cancel',
  'journal.update',
  'journal.mine',
  'journal.recordSearch',
  'avis.record',
] as const;
export type OutboxMethod = (typeof OUTBOX_METHODS)[number];

export function isOutboxMethod(method: string): method is OutboxMethod {
  return (OUTBOX_METHODS as readonly string[]).includes(method);
}

/** Who logs, and where. */
export interface LocalAuthor {
  compteId: number;
  pointId: number;
}

/**
 * The channel shown for an entry logged without one: the server fills in its point's usual channel on arrival;
 * the desk does not know its point's kind of welcome, and most desks are physical ones.
 */
const DEFAULT_CANAL: JournalCanal = 'accueil_physique';

interface MirrorRow {
  id: number;
  uid: string;
  compte_id: number;
  jour: string;
  entree: string;
}

export class LocalJournal {
  constructor(
    private readonly outbox: Outbox,
    private readonly refs: () => KnowledgeRefs,
    private readonly now: () => Date,
  ) {}

  /** Runs one outbox-bound method with an input already validated against the contract. */
  run(method: OutboxMethod, input: unknown, author: LocalAuthor): unknown {
    // Each input was parsed by the method's own schema (answerCall) before it reaches here.
    switch (method) {
      case 'journal.record':
        return this.record(input as RecordInput, author);
      case 'journal.cancel':
        return this.cancel((input as { id: number }).id, author);
      case 'journal.update':
        return this.update(input as UpdateInput, author);
      case 'journal.mine':
        return this.mine(author);
      case 'journal.recordSearch':
        return this.counted('journal.recordSearch', input, author);
      case 'avis.record':
        return this.counted('avis.record', input, author);
    }
  }

  private enqueue(kind: OutboxKind, compteId: number, payload: unknown): string {
    // The payload must travel as the contract says: a wrong one would only fail on the server, too late.
    const checked = outboxPayloads[kind].parse(payload);
    return this.outbox.enqueue(kind, compteId, checked).uid;
  }

  private record(input: RecordInput, author: LocalAuthor): OutputOf<'journal.record'> {
    const refs = this.refs();
    const now = this.now();
    const fiches = [...new Set(input.fiches)];
    if (fiches.length > MAX_FICHES)
      throw new RefusedError(`Au plus ${MAX_FICHES} fiches consultées sont gardées pour un contact.`);
    const outcome = {
      issue: input.issue,
      canal: input.canal ?? DEFAULT_CANAL,
      serviceId: input.serviceId ?? null,
      motif: input.motif ?? null,
      theme: input.theme ?? (fiches[0] === undefined ? undefined : refs.themesOf(fiches[0])[0]) ?? null,
    };
    checkFiches(refs, fiches);
    checkOutcome(refs, outcome, fiches);
    const { rechercheIds, ...rest } = input;
    const rechercheUids = (rechercheIds ?? [])
      .map((id) => this.outbox.uidOfLocal(id, 'journal.recordSearch'))
      .filter((uid): uid is string => uid !== undefined);
    const payload = { ...rest, ...(rechercheUids.length > 0 ? { rechercheUids } : {}) };
    const jour = parisDay(now);
    return this.outbox.transaction(() => {
      const uid = this.enqueue('journal.record', author.compteId, payload);
      const id = Number(
        this.outbox.db
          .prepare("INSERT INTO contacts_locaux (uid, compte_id, jour, entree) VALUES (?, ?, ?, '{}')")
          .run(uid, author.compteId, jour).lastInsertRowid,
      );
      const entry: JournalEntry = {
        id,
        horodatage: now.toISOString(),
        jour,
        heure: parisHour(now),
        pointId: author.pointId,
        compteId: author.compteId,
        ...outcome,
        dureeS: durationSince(input.debut, now),
        fiches: [...fiches].sort(),
      };
      this.saveMirror(id, entry);
      return entry;
    });
  }

  private saveMirror(id: number, entry: JournalEntry): void {
    this.outbox.db
      .prepare('UPDATE contacts_locaux SET entree = ? WHERE id = ?')
      .run(JSON.stringify(entry), id);
  }

  /** The entry, if the author may change it now (the core's rule and messages: own entries, of today). */
  private ownEntryOfToday(id: number, author: LocalAuthor): { uid: string; entry: JournalEntry } {
    const row = this.outbox.db.prepare('SELECT * FROM contacts_locaux WHERE id = ?').get(id) as
      MirrorRow | undefined;
    if (!row) throw new NotFoundError(`Le contact n° ${id} n’existe pas (ou a déjà été annulé).`);
    if (row.compte_id !== author.compteId)
      throw new ForbiddenError('Vous ne pouvez corriger que les contacts que vous avez enregistrés.');
    if (row.jour !== parisDay(this.now()))
      throw new ForbiddenError('Seuls les contacts du jour peuvent être corrigés ou annulés.');
    return { uid: row.uid, entry: JSON.parse(row.entree) as JournalEntry };
  }

  private cancel(id: number, author: LocalAuthor): OutputOf<'journal.cancel'> {
    return this.outbox.transaction(() => {
      const { uid } = this.ownEntryOfToday(id, author);
      this.enqueue('journal.cancel', author.compteId, { entreeUid: uid });
      this.outbox.db.prepare('DELETE FROM contacts_locaux WHERE id = ?').run(id);
      return { id };
    });
  }

  private update(input: UpdateInput, author: LocalAuthor): OutputOf<'journal.update'> {
    return this.outbox.transaction(() => {
      const { uid, entry } = this.ownEntryOfToday(input.id, author);
      const outcome = {
        issue: input.issue,
        canal: input.canal,
        serviceId: input.serviceId ?? null,
        motif: input.motif ?? null,
        theme: input.theme ?? null,
      };
      checkOutcome(this.refs(), outcome, entry.fiches);
      const { id: _local, ...change } = input;
      this.enqueue('journal.update', author.compteId, { ...change, entreeUid: uid });
      const updated: JournalEntry = { ...entry, ...outcome, theme: outcome.theme ?? entry.theme };
      this.saveMirror(input.id, updated);
      return updated;
    });
  }

  private mine(author: LocalAuthor): OutputOf<'journal.mine'> {
    const jour = parisDay(this.now());
    const rows = this.outbox.db
      .prepare('SELECT entree FROM contacts_locaux WHERE compte_id = ? AND jour = ? ORDER BY id DESC')
      .pluck()
      .all(author.compteId, jour) as string[];
    return { jour, entries: rows.map((row) => JSON.parse(row) as JournalEntry) };
  }

  /** A settled search or an opinion: committed with a local id the window may name later. */
  private counted(kind: 'journal.recordSearch' | 'avis.record', input: unknown, author: LocalAuthor) {
    const jour = parisDay(this.now());
    return this.outbox.transaction(() => {
      const uid = this.enqueue(kind, author.compteId, input);
      return { id: this.outbox.localId(uid, kind, jour) };
    });
  }
}

type RecordInput = z.output<(typeof methods)['journal.record']['input']>;
type UpdateInput = z.output<(typeof methods)['journal.update']['input']>;
