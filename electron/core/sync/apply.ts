// Applying one entry a desk sent from its outbox, with the rules of its arrival: its time within bounds, its
// author checked again (the desk may have been offline for hours: the account may have been closed, the person
// moved to another point), then the same core function the window's call would run, at the desk's point, with
// the entry's desk-made uid. Throws a French reason when the entry is refused.
import type { OutboxEntry } from '../../../common/sync/methods';
import { parisDay } from '../../../common/dates';
import { frenchDate } from '../../../common/french-date';
import type { Actor } from '../audit/record';
import { ConflictError, ForbiddenError, NotFoundError, RefusedError } from '../errors';
import { cancelEntry, updateEntry } from '../journal/corrections';
import { recordEntry } from '../journal/record';
import type { KnowledgeRefs } from '../journal/refs';
import { recordSearch } from '../journal/searches';
import type { CallingDesk, RowOrigin } from '../points/call-point';
import { recordFeedback } from '../redaction/avis';
import { sql, type Db } from '../store/db';

/** An entry made longer ago than this (by the desk's clock, shifted to the server's) is refused. */
export const MAX_ENTRY_AGE_DAYS = 45;
/** An entry whose shifted time lies further ahead than this is put at the server's time. */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** What entries are checked against: the knowledge base as the server sees it now. */
export interface IngestKnowledge {
  refs: KnowledgeRefs;
  /** Whether a fiche is published (an opinion on a draft or an unknown fiche is refused). */
  ficheKnown(id: string): boolean;
}

/**
 * When the entry was made, on the server's clock: the desk's time shifted by the server's clock minus the
 * desk's when it sent the batch, so a desk whose clock is days off still lands its contacts on the right day;
 * never more than a few minutes ahead of the server.
 */
export function effectiveTime(at: string, sentAt: string, now: Date): Date {
  const shifted = Date.parse(at) + (now.getTime() - Date.parse(sentAt));
  return shifted > now.getTime() + FUTURE_TOLERANCE_MS ? now : new Date(shifted);
}

/** The account that made the entry, if it may still have made it at `point` on `day`. */
async function authorOf(db: Db, compteId: number, desk: CallingDesk, day: string): Promise<Actor> {
  const compte = await db.one<{ identifiant: string; actif: number; agent_id: number | null }>(
    sql`SELECT identifiant, actif, agent_id FROM comptes WHERE id = ${compteId}`,
  );
  if (!compte) throw new RefusedError(`Le compte n° ${compteId} n’existe pas (ou plus) sur le serveur.`);
  const who = `Le compte « ${compte.identifiant} »`;
  if (compte.actif !== 1) throw new RefusedError(`${who} est désactivé.`);
  const roles = (
    await db.all<{ role: string }>(sql`SELECT role FROM compte_roles WHERE compte_id = ${compteId}`)
  ).map((row) => row.role);
  if (roles.includes('administrateur')) return { compteId, identifiant: compte.identifiant };
  if (!roles.includes('agent')) throw new RefusedError(`${who} n’a pas le rôle d’agent d’accueil.`);
  const assigned =
    compte.agent_id !== null &&
    (await db.one(
      sql`SELECT 1 AS un FROM affectations
          WHERE agent_id = ${compte.agent_id} AND point_id = ${desk.pointId} AND debut <= ${day}
            AND (fin IS NULL OR fin >= ${day})`,
    )) !== undefined;
  if (!assigned)
    throw new RefusedError(
      `${who} n’était pas affecté au point d’accueil « ${desk.pointNom} » le ${frenchDate(day) ?? day} ` +
        '(voir ses affectations dans le registre des agents).',
    );
  return { compteId, identifiant: compte.identifiant };
}

/** The log entry a correction names by its desk-made uid. */
async function entryIdOf(db: Db, uid: string): Promise<number> {
  const id = await db.value<number>(sql`SELECT id FROM journal WHERE uid = ${uid}`);
  if (id !== undefined) return id;
  const statut = await db.value<string>(sql`SELECT statut FROM sync_recus WHERE uid = ${uid}`);
  if (statut === 'rejete')
    throw new RefusedError(
      `Le contact corrigé (${uid}) a lui-même été refusé : traitez d’abord son envoi refusé, puis réessayez celui-ci.`,
    );
  if (statut === 'accepte')
    throw new NotFoundError(
      `Le contact corrigé (${uid}) n’existe plus (déjà annulé, ou effacé par la conservation).`,
    );
  throw new NotFoundError(`Le contact corrigé (${uid}) n’est pas arrivé au serveur.`);
}

/** The server's ids of the settled searches a record links, by their desk-made uids (unknown ones ignored). */
async function searchIdsOf(db: Db, uids: readonly string[] | undefined): Promise<number[]> {
  if (!uids?.length) return [];
  const rows = await db.all<{ id: number }>(sql`SELECT id FROM recherches WHERE uid IN (${sql.join(uids)})`);
  return rows.map((row) => row.id);
}

/**
 * Applies `entry` made at `at` (the server's clock) at `desk`'s point, received at `recuLe`. The age bound is
 * judged against the arrival: an entry retried later by an administrator is judged as when it came.
 */
export async function applyEntry(
  db: Db,
  knowledge: IngestKnowledge,
  desk: CallingDesk,
  entry: OutboxEntry,
  at: Date,
  recuLe: Date,
): Promise<void> {
  if (at.getTime() < recuLe.getTime() - MAX_ENTRY_AGE_DAYS * 86_400_000)
    throw new RefusedError(
      `Entrée trop ancienne (du ${frenchDate(parisDay(at)) ?? parisDay(at)}) : le serveur n’accepte pas ` +
        `d’entrée de plus de ${MAX_ENTRY_AGE_DAYS} jours (horloge du poste à vérifier).`,
    );
  const actor = await authorOf(db, entry.compteId, desk, parisDay(at));
  const origin: RowOrigin = {
    point: { pointId: desk.pointId, nom: desk.pointNom, type: desk.pointType, posteId: desk.id },
    uid: entry.uid,
    recuLe,
  };
  switch (entry.kind) {
    case 'journal.record': {
      const { rechercheUids, debut, ...fields } = entry.payload;
      // The first keystroke was read on the desk's clock too: shifted alike, the duration stays the desk's.
      const shift = at.getTime() - Date.parse(entry.at);
      const shifted = debut === undefined ? undefined : new Date(Date.parse(debut) + shift).toISOString();
      const input = { ...fields, debut: shifted, rechercheIds: await searchIdsOf(db, rechercheUids) };
      await recordEntry(db, knowledge.refs, actor, input, at, origin);
      return;
    }
    case 'journal.cancel':
      await cancelEntry(db, actor, await entryIdOf(db, entry.payload.entreeUid), at);
      return;
    case 'journal.update': {
      const { entreeUid, ...fields } = entry.payload;
      await updateEntry(db, knowledge.refs, actor, { ...fields, id: await entryIdOf(db, entreeUid) }, at);
      return;
    }
    case 'journal.recordSearch':
      await recordSearch(db, entry.payload, at, origin);
      return;
    case 'avis.record':
      await recordFeedback(db, actor, (id) => knowledge.ficheKnown(id), entry.payload, at, origin);
      return;
  }
}

/** Errors whose message is a reason for the administrator, as the core wrote it. */
const REASONS = [RefusedError, NotFoundError, ForbiddenError, ConflictError];

/** Why an entry was refused, in French; an unexpected error is logged and kept as a dead letter too. */
export function reasonOf(error: unknown): string {
  if (REASONS.some((kind) => error instanceof kind)) return (error as Error).message;
  console.error('[sync] an entry failed:', error);
  return 'Erreur interne du serveur en appliquant cette entrée : elle est gardée, réessayez-la plus tard.';
}
