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
import type { Db } from '../store/db';
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
export function createReclamation(
  db: Db,
  actor: Actor,
  input: NewReclamation,
  defaultPointId: number | null,
  now: Date,
): ReclamationResume {
  const today = parisDay(now);
  const recueLe = input.recueLe ?? today;
  if (recueLe > today) throw new RefusedError('La date de réception ne peut pas être dans le futur.');
  const pointId = input.pointId ?? defaultPointId;
  if (pointId !== null && db.prepare('SELECT 1 FROM points WHERE id = ?').get(pointId) === undefined)
    throw new NotFoundError('Ce point d’accueil n’existe pas.');
  const echeance = addDaysToDay(recueLe, readReclamationSettings(db).delais[input.type]);
  return db.legacyTransaction(() => {
    const id = Number(
      db
        .prepare(
          `INSERT INTO reclamations (type, canal, point_id, recue_le, echeance, statut, objet, nom, courriel,
             telephone, adresse, cree_par, cree_le)
           VALUES (?, ?, ?, ?, ?, 'recue', ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          input.type,
          input.canal,
          pointId,
          recueLe,
          echeance,
          input.objet.trim(),
          emptyToNull(input.coordonnees.nom),
          emptyToNull(input.coordonnees.courriel),
          emptyToNull(input.coordonnees.telephone),
          emptyToNull(input.coordonnees.adresse),
          actor.compteId,
          now.toISOString(),
        ).lastInsertRowid,
    );
    const apres = summaryById(db, id, now);
    recordAudit(db, actor, { action: 'creation', objet: 'reclamation', objetId: id, apres }, now);
    return apres;
  })();
}

/** One step: checks the current status allows it, writes it, audits before and after (no personal data). */
function step(
  db: Db,
  actor: Actor,
  viewer: Viewer,
  id: number,
  allowed: readonly StatutReclamation[],
  action: string,
  write: (current: ReclamationResume) => void,
  now: Date,
): ReclamationVue {
  // Reading in full first also refuses whoever does not handle complaints, whatever the method's role said.
  getReclamation(db, viewer, id, now);
  db.legacyTransaction(() => {
    const avant = summaryById(db, id, now);
    if (!allowed.includes(avant.statut))
      throw new RefusedError(
        `Impossible : la réclamation n° ${id} est à l’étape « ${STATUT_LABELS[avant.statut]} ».`,
      );
    write(avant);
    recordAudit(
      db,
      actor,
      { action, objet: 'reclamation', objetId: id, avant, apres: summaryById(db, id, now) },
      now,
    );
  })();
  return getReclamation(db, viewer, id, now);
}

function checkDay(le: string, after: string, what: string, now: Date): void {
  if (le > parisDay(now)) throw new RefusedError(`La date ${what} ne peut pas être dans le futur.`);
  if (le < after) throw new RefusedError(`La date ${what} ne peut pas précéder la réception (${after}).`);
}

export function acknowledgeReclamation(
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
    (current) => {
      const day = le ?? parisDay(now);
      checkDay(day, current.recueLe, 'de l’accusé de réception', now);
      db.prepare("UPDATE reclamations SET statut = 'accusee', accuse_le = ? WHERE id = ?").run(day, id);
    },
    now,
  );
}

export function assignReclamation(
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
    () => {
      db.prepare(
        "UPDATE reclamations SET statut = 'attribuee', service_id = ?, attribuee_le = ? WHERE id = ?",
      ).run(serviceId, parisDay(now), id);
    },
    now,
  );
}

export function answerReclamation(
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
    (current) => {
      const day = input.le ?? parisDay(now);
      checkDay(day, current.recueLe, 'de la réponse', now);
      db.prepare("UPDATE reclamations SET statut = 'repondue', repondu_le = ?, reponse = ? WHERE id = ?").run(
        day,
        input.reponse.trim(),
        id,
      );
    },
    now,
  );
}

export function closeReclamation(db: Db, actor: Actor, viewer: Viewer, id: number, now: Date) {
  return step(
    db,
    actor,
    viewer,
    id,
    ['repondue'],
    'clore',
    () => {
      db.prepare("UPDATE reclamations SET statut = 'close', close_le = ? WHERE id = ?").run(
        parisDay(now),
        id,
      );
    },
    now,
  );
}

/** « Ouvrir une action corrective »: once per complaint; the action's id is kept on the complaint. */
export function raiseActionFrom(db: Db, actor: Actor, viewer: Viewer, id: number, now: Date): ReclamationVue {
  const current = getReclamation(db, viewer, id, now);
  if (current.actionId !== null)
    throw new RefusedError(
      `Une action corrective (n° ${current.actionId}) est déjà ouverte pour cette réclamation.`,
    );
  db.legacyTransaction(() => {
    const actionId = raiseCorrectiveAction(db, actor, current, now);
    db.prepare('UPDATE reclamations SET action_id = ? WHERE id = ?').run(actionId, id);
    recordAudit(
      db,
      actor,
      { action: 'action_corrective', objet: 'reclamation', objetId: id, apres: { actionId } },
      now,
    );
  })();
  return getReclamation(db, viewer, id, now);
}
