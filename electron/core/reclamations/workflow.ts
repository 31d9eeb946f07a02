// The life of a complaint or suggestion: received (due date = day received + the announced delay of its type,
// fixed then), acknowledged, assigned to a service, answered, closed. Each step is one transaction with its audit
// row, which holds codes and days only: the audit trail outlives the retention of personal data.
import { addDaysToDay, parisDay } from '../../../common/dates';
import type { JournalCanal } from '../../../common/journal/codes';
import type {
  CoordonneesUsager,
  ReclamationResume,
  ReclamationVue,
  StatutReclamation,
  TypeReclamation,
} from '../../../common/reclamations/methods';
import { STATUT_LABELS } from '../../../common/reclamations/methods';
import type { Actor } from '../audit/record';
import { recordAudit } from '../audit/record';
import { NotFoundError, RefusedError } from '../errors';
import { sql, type Db } from '../store/db';
import { raiseCorrectiveAction } from './corrective-action';
import type { Viewer } from './read';
import { getReclamation, summaryById } from './read';
import { readReclamationSettings } from './settings';

export interface NewReclamation {
  type: TypeReclamation;
  canal: JournalCanal;
  objet: string;
  recueLe?: string;
  pointId?: number;
  coordonnees: CoordonneesUsager;
}

const emptyToNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/** Received: by any agent. Returns the summary only — the agent who typed it does not read it back. */
export async function createReclamation(
  db: Db,
  actor: Actor,
  input: NewReclamation,
  defaultPointId: number | null,
  now: Date,
): Promise<ReclamationResume> {
  const today = parisDay(now);
  const recueLe = input.recueLe ?? today;
  if (recueLe > today) throw new RefusedError('La date de réception ne peut pas être dans le futur.');
  const pointId = input.pointId ?? defaultPointId;
  if (
    pointId !== null &&
    (await db.one(sql`SELECT 1 AS one FROM points WHERE id = ${pointId}`)) === undefined
  )
    throw new NotFoundError('Ce point d’accueil n’existe pas.');
  const echeance = addDaysToDay(recueLe, (await readReclamationSettings(db)).delais[input.type]);
  return db.transaction(async (tx) => {
    const id =
      await tx.insertId(sql`INSERT INTO reclamations (type, canal, point_id, recue_le, echeance, statut, objet, nom, courriel,
              telephone, adresse, cree_par, cree_le)
            VALUES (${input.type}, ${input.canal}, ${pointId}, ${recueLe}, ${echeance}, 'recue',
              ${input.objet.trim()}, ${emptyToNull(input.coordonnees.nom)}, ${emptyToNull(input.coordonnees.courriel)},
              ${emptyToNull(input.coordonnees.telephone)}, ${emptyToNull(input.coordonnees.adresse)},
              ${actor.compteId}, ${now.toISOString()})
            RETURNING id`);
    const apres = await summaryById(tx, id, now);
    await recordAudit(tx, actor, { action: 'creation', objet: 'reclamation', objetId: id, apres }, now);
    return apres;
  });
}

/** One step: checks the current status allows it, writes it, audits before and after (no personal data). */
async function step(
  db: Db,
  actor: Actor,
  viewer: Viewer,
  id: number,
  allowed: readonly StatutReclamation[],
  action: string,
  write: (tx: Db, current: ReclamationResume) => Promise<unknown>,
  now: Date,
): Promise<ReclamationVue> {
  // Reading in full first also refuses whoever does not handle complaints, whatever the method's role said.
  await getReclamation(db, viewer, id, now);
  // The check, the write and the audit row in one transaction: two desks moving the same complaint at once
  // cannot both pass the check (SQLite runs one transaction at a time; PostgreSQL's is serializable).
  await db.transaction(async (tx) => {
    const avant = await summaryById(tx, id, now);
    if (!allowed.includes(avant.statut))
      throw new RefusedError(
        `Impossible : la réclamation n° ${id} est à l’étape « ${STATUT_LABELS[avant.statut]} ».`,
      );
    await write(tx, avant);
    await recordAudit(
      tx,
      actor,
      { action, objet: 'reclamation', objetId: id, avant, apres: await summaryById(tx, id, now) },
      now,
    );
  });
  return getReclamation(db, viewer, id, now);
}

function checkDay(le: string, after: string, what: string, now: Date): void {
  if (le > parisDay(now)) throw new RefusedError(`La date ${what} ne peut pas être dans le futur.`);
  if (le < after) throw new RefusedError(`La date ${what} ne peut pas précéder la réception (${after}).`);
}

export async function acknowledgeReclamation(
  db: Db,
  actor: Actor,
  viewer: Viewer,
  id: number,
  le: string | undefined,
  now: Date,
) {
  return step(
    db,
    actor,
    viewer,
    id,
    ['recue'],
    'accuser_reception',
    (tx, current) => {
      const day = le ?? parisDay(now);
      checkDay(day, current.recueLe, 'de l’accusé de réception', now);
      return tx.run(sql`UPDATE reclamations SET statut = 'accusee', accuse_le = ${day} WHERE id = ${id}`);
    },
    now,
  );
}

export async function assignReclamation(
  db: Db,
  actor: Actor,
  viewer: Viewer,
  id: number,
  serviceId: string,
  now: Date,
) {
  return step(
    db,
    actor,
    viewer,
    id,
    ['recue', 'accusee', 'attribuee'],
    'attribuer',
    (tx) =>
      tx.run(
        sql`UPDATE reclamations SET statut = 'attribuee', service_id = ${serviceId},
              attribuee_le = ${parisDay(now)} WHERE id = ${id}`,
      ),
    now,
  );
}

export async function answerReclamation(
  db: Db,
  actor: Actor,
  viewer: Viewer,
  id: number,
  input: { reponse: string; le?: string },
  now: Date,
) {
  return step(
    db,
    actor,
    viewer,
    id,
    ['recue', 'accusee', 'attribuee'],
    'repondre',
    (tx, current) => {
      const day = input.le ?? parisDay(now);
      checkDay(day, current.recueLe, 'de la réponse', now);
      return tx.run(
        sql`UPDATE reclamations SET statut = 'repondue', repondu_le = ${day}, reponse = ${input.reponse.trim()}
            WHERE id = ${id}`,
      );
    },
    now,
  );
}

export async function closeReclamation(db: Db, actor: Actor, viewer: Viewer, id: number, now: Date) {
  return step(
    db,
    actor,
    viewer,
    id,
    ['repondue'],
    'clore',
    (tx) =>
      tx.run(sql`UPDATE reclamations SET statut = 'close', close_le = ${parisDay(now)} WHERE id = ${id}`),
    now,
  );
}

/** « Ouvrir une action corrective »: once per complaint; the action's id is kept on the complaint. */
export async function raiseActionFrom(
  db: Db,
  actor: Actor,
  viewer: Viewer,
  id: number,
  now: Date,
): Promise<ReclamationVue> {
  await db.transaction(async (tx) => {
    // Read inside the transaction: two desks raising the action at once must not open two.
    const current = await getReclamation(tx, viewer, id, now);
    if (current.actionId !== null)
      throw new RefusedError(
        `Une action corrective (n° ${current.actionId}) est déjà ouverte pour cette réclamation.`,
      );
    const actionId = await raiseCorrectiveAction(tx, actor, current, now);
    await tx.run(sql`UPDATE reclamations SET action_id = ${actionId} WHERE id = ${id}`);
    await recordAudit(
      tx,
      actor,
      { action: 'action_corrective', objet: 'reclamation', objetId: id, apres: { actionId } },
      now,
    );
  });
  return getReclamation(db, viewer, id, now);
}
