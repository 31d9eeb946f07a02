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
import { liftConstat } from '../controles/controles';
import { sql, type Db, type RawBuilder } from '../store/db';

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

// A finding's id is cast to an integer only when the origin is a finding (the CASE guards the cast: PostgreSQL
// would fail casting another origin's id, « 2026:1 », to an integer), so the join looks the finding up by key.
const SELECT = sql`
  SELECT x.id, x.quoi, x.responsable, x.echeance, x.statut, x.preuve, x.indicateur, x.origine, x.origine_id,
         x.point_id, p.nom AS point_nom, x.cree_le, x.close_le,
         c.realise_le AS constat_date, cp.nom AS constat_point
  FROM actions x
  LEFT JOIN points p ON p.id = x.point_id
  LEFT JOIN constats k ON k.id = CASE WHEN x.origine = 'constat' THEN CAST(x.origine_id AS INTEGER) END
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
export async function listActions(db: Db, filter: ActionFilter, now: Date): Promise<CorrectiveAction[]> {
  const today = parisDay(now);
  const where: RawBuilder<unknown>[] = [sql`1 = 1`];
  if (filter.statut !== undefined) where.push(sql`x.statut = ${filter.statut}`);
  if (filter.enRetard === true || filter.ouvertes === true)
    where.push(sql`x.statut IN ('a_faire', 'en_cours')`);
  if (filter.enRetard === true) where.push(sql`x.echeance < ${today}`);
  if (filter.pointId !== undefined) where.push(sql`x.point_id = ${filter.pointId}`);
  if (filter.origine !== undefined) where.push(sql`x.origine = ${filter.origine}`);
  if (filter.origineId !== undefined) where.push(sql`x.origine_id = ${filter.origineId}`);
  const rows = await db.all<Row>(sql`
    ${SELECT}
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY CASE WHEN x.statut IN ('faite', 'abandonnee') THEN 1 ELSE 0 END, x.echeance, x.id`);
  return rows.map((row) => toAction(row, today));
}

/** Overdue actions: open, due before today. */
export async function overdueActions(db: Db, now: Date): Promise<CorrectiveAction[]> {
  return listActions(db, { enRetard: true }, now);
}

export async function getAction(db: Db, id: number, now: Date): Promise<CorrectiveAction> {
  const row = await db.one<Row>(sql`${SELECT} WHERE x.id = ${id}`);
  if (!row) throw new NotFoundError(`L'action corrective n° ${id} n'existe pas.`);
  return toAction(row, parisDay(now));
}

async function record(db: Db, id: number): Promise<Record<string, unknown>> {
  return (await db.one<Record<string, unknown>>(sql`
    SELECT quoi, responsable, echeance, statut, preuve, indicateur, origine, origine_id AS "origineId",
           point_id AS "pointId", close_le AS "closeLe" FROM actions WHERE id = ${id}`)) as Record<
    string,
    unknown
  >;
}

/**
 * Where an action raised from a finding applies: the finding's point; the finding must exist. Its id is kept as
 * the finding's id written plainly (« 12 », not « 012 »), so it reads back as the same finding.
 */
async function constatOrigin(
  db: Db,
  origineId: string | undefined,
): Promise<{ id: string; pointId: number }> {
  const id = Number(origineId);
  const row =
    Number.isInteger(id) && id > 0
      ? await db.one<{ point_id: number }>(
          sql`SELECT c.point_id FROM constats k JOIN controles c ON c.id = k.controle_id WHERE k.id = ${id}`,
        )
      : undefined;
  if (!row) throw new RefusedError(`Le constat « ${origineId ?? ''} » n'existe pas.`);
  return { id: String(id), pointId: row.point_id };
}

/**
 * Creates an action and audits it, inside the caller's transaction when there is one (a complaint's core may
 * raise an action in the same transaction as its own change). Returns its id.
 */
export async function createAction(db: Db, actor: Actor, input: ActionInput, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    let pointId = input.pointId ?? null;
    let origineId = input.origineId === undefined || input.origineId === '' ? null : input.origineId;
    if (input.origine === 'constat') ({ id: origineId, pointId } = await constatOrigin(tx, input.origineId));
    if (pointId !== null && !(await tx.one(sql`SELECT 1 AS found FROM points WHERE id = ${pointId}`)))
      throw new NotFoundError(`Le point d'accueil n° ${pointId} n'existe pas.`);
    const id = await tx.insertId(sql`
        INSERT INTO actions (quoi, responsable, echeance, statut, preuve, indicateur, origine, origine_id,
                             point_id, cree_le, modifie_le)
        VALUES (${input.quoi}, ${input.responsable}, ${input.echeance}, 'a_faire', ${input.preuve},
                ${input.indicateur}, ${input.origine}, ${origineId}, ${pointId}, ${parisDay(now)},
                ${now.toISOString()})
        RETURNING id`);
    await recordAudit(
      tx,
      actor,
      { action: 'creation', objet: 'action_corrective', objetId: id, apres: await record(tx, id) },
      now,
    );
    return id;
  });
}

/**
 * Changes an action. Done or abandoned, it gets its closing day; reopened, loses it. Done, and raised from a
 * finding with no other open action, it lifts that finding (« levé ») in the same transaction: the finding was
 * dealt with. Two desks saving at once are run one after the other (SQLite's single connection; PostgreSQL's
 * serializable transaction, tried again), so the second is judged on what the first wrote.
 */
export async function updateAction(
  db: Db,
  actor: Actor,
  input: ActionFields & { id: number; statut: ActionStatut },
  now: Date,
): Promise<void> {
  const today = parisDay(now);
  await db.transaction(async (tx) => {
    const avant = await tx.one<{
      statut: ActionStatut;
      close_le: string | null;
      origine: ActionOrigine;
      origine_id: string | null;
    }>(sql`SELECT statut, close_le, origine, origine_id FROM actions WHERE id = ${input.id}`);
    if (!avant) throw new NotFoundError(`L'action corrective n° ${input.id} n'existe pas.`);
    if (input.statut === 'faite' && input.preuve === '')
      throw new RefusedError(
        `Indiquez la preuve de réalisation avant de passer l’action à « ${ACTION_STATUT_LABELS.faite} ».`,
      );
    const closing = !isOpenAction(input.statut);
    const closeLe = closing ? (isOpenAction(avant.statut) ? today : (avant.close_le ?? today)) : null;
    const before = await record(tx, input.id);
    await tx.run(sql`
      UPDATE actions SET quoi = ${input.quoi}, responsable = ${input.responsable}, echeance = ${input.echeance},
                         statut = ${input.statut}, preuve = ${input.preuve}, indicateur = ${input.indicateur},
                         close_le = ${closeLe}, modifie_le = ${now.toISOString()}
      WHERE id = ${input.id}`);
    await recordAudit(
      tx,
      actor,
      {
        action: 'modification',
        objet: 'action_corrective',
        objetId: input.id,
        avant: before,
        apres: await record(tx, input.id),
      },
      now,
    );
    if (input.statut === 'faite' && avant.origine === 'constat' && avant.origine_id !== null)
      await liftFindingIfDone(tx, actor, avant.origine_id, now);
  });
}

/** Lifts the finding an action was raised from, once no action raised from it is still open. */
async function liftFindingIfDone(db: Db, actor: Actor, constatId: string, now: Date): Promise<void> {
  const stillOpen = await db.value<number>(sql`
    SELECT COUNT(*) FROM actions
    WHERE origine = 'constat' AND origine_id = ${constatId} AND statut IN ('a_faire', 'en_cours')`);
  if ((stillOpen ?? 0) > 0) return;
  const id = Number(constatId);
  // Only if still open: liftConstat's conditional update leaves a lifted finding (and its date) alone.
  if (Number.isInteger(id)) await liftConstat(db, actor, id, now);
}
