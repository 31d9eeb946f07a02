// Logging one contact: the outcome key at the desk. One INSERT transaction writes the entry, its fiches and the
// link from the searches that led to it; when it returns, the entry is on disk as far as a crash of the app is
// concerned: the database is in WAL mode with synchronous = NORMAL (store/database.ts), where a commit has been
// written to the WAL file before `run` returns, so killing the process loses nothing committed (only a power cut
// or an OS crash could lose the last commits, which NORMAL does not sync). The window shows its toast after this
// returns, so a confirmed entry is a committed one.
//
// The log is not a registry: it is not written to the audit trail (it holds counts of the desk's work, and an
// agent's own corrections of the day are the only changes it allows).
import type { Actor } from '../audit/record';
import type { CallPoint, RowOrigin } from '../points/call-point';
import { pointOfCall } from '../points/call-point';
import { parisDay } from '../../../common/dates';
import { RefusedError } from '../errors';
import { sql, type Db } from '../store/db';
import { parisHour } from './clock';
import type { Issue, JournalCanal, Motif } from '../../../common/journal/codes';
import { MAX_DUREE_S, MAX_FICHES } from '../../../common/journal/codes';
import type { JournalEntry } from './entry';
import { findEntry } from './entry';
import { checkFiches, checkOutcome } from './outcome';
import type { KnowledgeRefs } from './refs';

export interface RecordInput {
  issue: Issue;
  /** By default, the usual channel of the installation's point. */
  canal?: JournalCanal;
  serviceId?: string;
  motif?: Motif;
  /** By default, the main thème of the first fiche consulted. */
  theme?: string;
  fiches: readonly string[];
  /** ISO instant of the contact's first keystroke: the duration runs from it. */
  debut?: string;
  /** The desk's searches of this contact (journal.recordSearch ids), linked to the entry. */
  rechercheIds?: readonly number[];
}

const CANAL_BY_POINT_TYPE: Record<string, JournalCanal> = {
  physique: 'accueil_physique',
  mixte: 'accueil_physique',
  telephonique: 'telephone',
  numerique: 'courriel',
};

export const UNBOUND_MESSAGE =
  'Ce poste n’est rattaché à aucun point d’accueil : un administrateur doit le choisir dans les réglages ' +
  'avant que les contacts puissent être enregistrés.';

/**
 * The point of the call (by default: of a call without a desk, the installation's) and its default channel;
 * refused when there is none (an installation not bound to a point).
 */
export async function deskPoint(
  db: Db,
  given?: CallPoint | null,
): Promise<{ pointId: number; posteId: number | null; canal: JournalCanal }> {
  const point = given === undefined ? await pointOfCall(db) : given;
  if (!point) throw new RefusedError(UNBOUND_MESSAGE);
  return {
    pointId: point.pointId,
    posteId: point.posteId,
    canal: CANAL_BY_POINT_TYPE[point.type] ?? 'accueil_physique',
  };
}

/** Seconds from the first keystroke to now; none when unknown, negative or longer than a contact can be. */
export function durationSince(debut: string | undefined, now: Date): number | null {
  if (debut === undefined) return null;
  const start = Date.parse(debut);
  if (Number.isNaN(start)) return null;
  const seconds = Math.round((now.getTime() - start) / 1000);
  return seconds < 0 || seconds > MAX_DUREE_S ? null : seconds;
}

/**
 * Logs one contact at `now` (for an entry a desk sent: its time on the desk, shifted to the server's clock), at
 * the point of `origin`, with its desk-made uid when it has one.
 */
export async function recordEntry(
  db: Db,
  refs: KnowledgeRefs,
  actor: Actor,
  input: RecordInput,
  now: Date,
  origin: RowOrigin = {},
): Promise<JournalEntry> {
  const desk = await deskPoint(db, origin.point);
  const fiches = [...new Set(input.fiches)];
  if (fiches.length > MAX_FICHES)
    throw new RefusedError(`Au plus ${MAX_FICHES} fiches consultées sont gardées pour un contact.`);
  const outcome = {
    issue: input.issue,
    canal: input.canal ?? desk.canal,
    serviceId: input.serviceId ?? null,
    motif: input.motif ?? null,
    theme: input.theme ?? (fiches[0] === undefined ? undefined : refs.themesOf(fiches[0])[0]) ?? null,
  };
  checkFiches(refs, fiches);
  checkOutcome(refs, outcome, fiches);
  const jour = parisDay(now);

  // One transaction: the entry, its fiches and its search links are committed together before this returns.
  const id = await db.transaction(async (tx) => {
    const entryId = await tx.insertId(
      sql`INSERT INTO journal (horodatage, jour, heure, point_id, compte_id, canal, issue, service_id, motif,
            theme, duree_s, uid, poste_id, recu_le)
          VALUES (${now.toISOString()}, ${jour}, ${parisHour(now)}, ${desk.pointId}, ${actor.compteId},
            ${outcome.canal}, ${outcome.issue}, ${outcome.serviceId}, ${outcome.motif}, ${outcome.theme},
            ${durationSince(input.debut, now)}, ${origin.uid ?? null}, ${desk.posteId},
            ${origin.recuLe?.toISOString() ?? null})
          RETURNING id`,
    );
    if (fiches.length > 0)
      await tx.run(
        sql`INSERT INTO journal_fiches (entree_id, fiche_id)
            VALUES ${sql.join(fiches.map((fiche) => sql`(${entryId}, ${fiche})`))}`,
      );
    // Only this desk's searches of the day, not yet linked: a stale or foreign id is ignored, never moved.
    const rechercheIds = [...new Set(input.rechercheIds ?? [])];
    if (rechercheIds.length > 0)
      await tx.run(
        sql`UPDATE recherches SET entree_id = ${entryId}
            WHERE id IN (${sql.join(rechercheIds)}) AND point_id = ${desk.pointId} AND jour = ${jour}
              AND entree_id IS NULL`,
      );
    return entryId;
  });

  const entry = await findEntry(db, id);
  if (!entry) throw new Error(`journal entry ${id} vanished after its insert`);
  return entry;
}
