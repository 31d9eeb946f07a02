// Corrective actions: created from a finding of an internal audit, a complaint (the complaints' core calls
// createAction with origine « reclamation »), a content gap, a line of the annual review's plan, or by hand;
// followed to « faite » or « abandonnée ». An action belongs to the year it was created in; while open it
// carries over to the next years' reviews (bilan.ts reads it so, nothing is copied).
import type { ActionOrigine, ActionStatut, CorrectiveAction } from '../../../common/actions/types';
import { ACTION_STATUT_LABELS, OPEN_ACTION_STATUTS } from '../../../common/actions/types';
import { parisDay } from '../../../common/dates';
import { frenchDate } from '../../../common/french-date';
import type { Actor } from '../audit/record';
import { recordAudit } from '../audit/record';
import { NotFoundError, RefusedError } from '../errors';
import type { Db } from '../store/db';

export interface ActionFields {
  quoi: string;
  responsable: string;
  echeance: string;
  indicateur: string;
  preuve: string;
}

export interface ActionInput extends ActionFields {
  origine: ActionOrigine;
  /** The finding's id, the complaint's, the content gap's key, « année:ligne » of the review's plan. */
  origineId?: string;
  pointId?: number;
}

interface Row {
  id: number;
  quoi: string;
  responsable: string;
  echeance: string;
  statut: ActionStatut;
  preuve: string;
  indicateur: string;
  origine: ActionOrigine;
  origine_id: string | null;
  point_id: number | null;
  point_nom: string | null;
  cree_le: string;
  close_le: string | null;
  constat_date: string | null;
  constat_point: string | null;
}

const SELECT = `
  SELECT x.id, x.quoi, x.responsable, x.echeance, x.statut, x.preuve, x.indicateur, x.origine, x.origine_id,
         x.point_id, p.nom AS point_nom, x.cree_le, x.close_le,
         c.realise_le AS constat_date, cp.nom AS constat_point
  FROM actions x
  LEFT JOIN points p ON p.id = x.point_id
  LEFT JOIN constats k ON x.origine = 'constat' AND k.id = CAST(x.origine_id AS INTEGER)
  LEFT JOIN controles c ON c.id = k.controle_id
  LEFT JOIN points cp ON cp.id = c.point_id`;

function originLabel(row: Row): string {
  const id = row.origine_id ?? '';
  switch (row.origine) {
    case 'constat':
      return row.constat_point
        ? `Constat n° ${id} (audit ${row.constat_date ? `du ${frenchDate(row.constat_date) ?? row.constat_date}` : 'en cours'}, ${row.constat_point})`
        : `Constat n° ${id}`;
    case 'reclamation':
      return id ? `Réclamation n° ${id}` : 'Réclamation';
    case 'manque':
      return id ? `Contenu manquant : « ${id} »` : 'Contenu manquant';
    case 'bilan': {
      const [annee, ligne] = id.split(':');
      return annee
        ? `Plan d’action du bilan ${annee}${ligne ? `, ligne ${Number(ligne) + 1}` : ''}`
        : 'Plan d’action du bilan';
    }
    case 'autre':
      return 'Saisie directe';
  }
}

export function isOpenAction(statut: ActionStatut): boolean {
  return OPEN_ACTION_STATUTS.includes(statut);
}

function toAction(row: Row, today: string): CorrectiveAction {
  return {
    id: row.id,
    quoi: row.quoi,
    responsable: row.responsable,
    echeance: row.echeance,
    statut: row.statut,
    preuve: row.preuve,
    indicateur: row.indicateur,
    origine: row.origine,
    origineId: row.origine_id,
    origineLibelle: originLabel(row),
    point: row.point_id === null ? null : { id: row.point_id, nom: row.point_nom ?? '' },
    creeLe: row.cree_le,
    closeLe: row.close_le,
    enRetard: isOpenAction(row.statut) && row.echeance < today,
  };
}

export interface ActionFilter {
  statut?: ActionStatut;
  /** Open and past their due date. */
  enRetard?: boolean;
  ouvertes?: boolean;
  pointId?: number;
  origine?: ActionOrigine;
  origineId?: string;
}

/** Actions, open ones first by due date, then the closed ones latest first. */
export function listActions(db: Db, filter: ActionFilter, now: Date): CorrectiveAction[] {
  const today = parisDay(now);
  const open = filter.enRetard === true || filter.ouvertes === true ? 1 : null;
  const rows = db
    .prepare(
      `${SELECT}
       WHERE (? IS NULL OR x.statut = ?) AND (? IS NULL OR x.statut IN ('a_faire', 'en_cours'))
         AND (? IS NULL OR x.echeance < ?) AND (? IS NULL OR x.point_id = ?) AND (? IS NULL OR x.origine = ?)
         AND (? IS NULL OR x.origine_id = ?)
       ORDER BY x.statut IN ('faite', 'abandonnee'), x.echeance, x.id`,
    )
    .all(
      filter.statut ?? null,
      filter.statut ?? null,
      open,
      filter.enRetard === true ? today : null,
      today,
      filter.pointId ?? null,
      filter.pointId ?? null,
      filter.origine ?? null,
      filter.origine ?? null,
      filter.origineId ?? null,
      filter.origineId ?? null,
    ) as Row[];
  return rows.map((row) => toAction(row, today));
}

/** Overdue actions: open, due before today. */
export function overdueActions(db: Db, now: Date): CorrectiveAction[] {
  return listActions(db, { enRetard: true }, now);
}

export function getAction(db: Db, id: number, now: Date): CorrectiveAction {
  const row = db.prepare(`${SELECT} WHERE x.id = ?`).get(id) as Row | undefined;
  if (!row) throw new NotFoundError(`L'action corrective n° ${id} n'existe pas.`);
  return toAction(row, parisDay(now));
}

function record(db: Db, id: number): Record<string, unknown> {
  return db
    .prepare(
      `SELECT quoi, responsable, echeance, statut, preuve, indicateur, origine, origine_id AS origineId,
              point_id AS pointId, close_le AS closeLe FROM actions WHERE id = ?`,
    )
    .get(id) as Record<string, unknown>;
}

/** Where an action raised from a finding applies: the finding's point; the finding must exist. */
function constatPoint(db: Db, origineId: string | undefined): number {
  const id = Number(origineId);
  const row = (
    Number.isInteger(id) && id > 0
      ? db
          .prepare(
            'SELECT c.point_id FROM constats k JOIN controles c ON c.id = k.controle_id WHERE k.id = ?',
          )
          .get(id)
      : undefined
  ) as { point_id: number } | undefined;
  if (!row) throw new RefusedError(`Le constat « ${origineId ?? ''} » n'existe pas.`);
  return row.point_id;
}

/**
 * Creates an action and audits it, inside the caller's transaction when there is one (a complaint's core may
 * raise an action in the same transaction as its own change). Returns its id.
 */
export function createAction(db: Db, actor: Actor, input: ActionInput, now: Date): number {
  return db.legacyTransaction(() => {
    let pointId = input.pointId ?? null;
    if (input.origine === 'constat') pointId = constatPoint(db, input.origineId);
    if (pointId !== null && !db.prepare('SELECT 1 FROM points WHERE id = ?').get(pointId))
      throw new NotFoundError(`Le point d'accueil n° ${pointId} n'existe pas.`);
    const id = Number(
      db
        .prepare(
          `INSERT INTO actions (quoi, responsable, echeance, statut, preuve, indicateur, origine, origine_id,
                                point_id, cree_le, modifie_le)
           VALUES (?, ?, ?, 'a_faire', ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          input.quoi,
          input.responsable,
          input.echeance,
          input.preuve,
          input.indicateur,
          input.origine,
          input.origineId === undefined || input.origineId === '' ? null : input.origineId,
          pointId,
          parisDay(now),
          now.toISOString(),
        ).lastInsertRowid,
    );
    recordAudit(
      db,
      actor,
      { action: 'creation', objet: 'action_corrective', objetId: id, apres: record(db, id) },
      now,
    );
    return id;
  })();
}

/**
 * Changes an action. Done or abandoned, it gets its closing day; reopened, loses it. Done, and raised from a
 * finding with no other open action, it lifts that finding (« levé ») in the same transaction: the finding was
 * dealt with.
 */
export function updateAction(
  db: Db,
  actor: Actor,
  input: ActionFields & { id: number; statut: ActionStatut },
  now: Date,
): void {
  const today = parisDay(now);
  db.legacyTransaction(() => {
    const avant = db
      .prepare('SELECT statut, close_le, origine, origine_id FROM actions WHERE id = ?')
      .get(input.id) as
      | { statut: ActionStatut; close_le: string | null; origine: ActionOrigine; origine_id: string | null }
      | undefined;
    if (!avant) throw new NotFoundError(`L'action corrective n° ${input.id} n'existe pas.`);
    if (input.statut === 'faite' && input.preuve === '')
      throw new RefusedError(
        `Indiquez la preuve de réalisation avant de passer l’action à « ${ACTION_STATUT_LABELS.faite} ».`,
      );
    const closing = !isOpenAction(input.statut);
    const closeLe = closing ? (isOpenAction(avant.statut) ? today : (avant.close_le ?? today)) : null;
    const before = record(db, input.id);
    db.prepare(
      `UPDATE actions SET quoi = ?, responsable = ?, echeance = ?, statut = ?, preuve = ?, indicateur = ?,
                          close_le = ?, modifie_le = ? WHERE id = ?`,
    ).run(
      input.quoi,
      input.responsable,
      input.echeance,
      input.statut,
      input.preuve,
      input.indicateur,
      closeLe,
      now.toISOString(),
      input.id,
    );
    recordAudit(
      db,
      actor,
      {
        action: 'modification',
        objet: 'action_corrective',
        objetId: input.id,
        avant: before,
        apres: record(db, input.id),
      },
      now,
    );
    if (input.statut === 'faite' && avant.origine === 'constat' && avant.origine_id !== null)
      liftFindingIfDone(db, actor, avant.origine_id, today, now);
  })();
}

function liftFindingIfDone(db: Db, actor: Actor, constatId: string, today: string, now: Date): void {
  const constat = db
    .prepare("SELECT id FROM constats WHERE id = ? AND statut = 'ouvert'")
    .get(Number(constatId));
  if (!constat) return;
  const stillOpen = db
    .prepare(
      "SELECT COUNT(*) FROM actions WHERE origine = 'constat' AND origine_id = ? AND statut IN ('a_faire', 'en_cours')",
    )
    .pluck()
    .get(constatId) as number;
  if (stillOpen > 0) return;
  db.prepare("UPDATE constats SET statut = 'leve', leve_le = ? WHERE id = ?").run(today, Number(constatId));
  recordAudit(
    db,
    actor,
    {
      action: 'modification',
      objet: 'constat',
      objetId: constatId,
      avant: { statut: 'ouvert' },
      apres: { statut: 'leve', leveLe: today },
    },
    now,
  );
}
