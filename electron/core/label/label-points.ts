// The label manager's views of the points: the filtered list with each point's label state and rule, and one
// point with its agents, its history and the decisions allowed now.
import { matchesQuery } from '../../../common/text';
import { addDaysToDay, parisDay } from '../../../common/dates';
import { NotFoundError } from '../errors';
import { sql, type Db } from '../store/db';
import { latestEvent, latestEvents, pointHistory } from './events';
import { allowedActions, effectiveStatut, isLabelled } from './lifecycle';
import { evaluatePoint, evaluatePoints } from './rule-data';
import type {
  LabelEvaluation,
  LabelPointDetail,
  LabelPointRow,
  LabelStatut,
} from '../../../common/label/types';
import type { PointEntite, PointType } from '../../../common/points/methods';
import { LABEL_STATUTS } from '../../../common/label/types';

export interface PointFilters {
  /** Words of the name, the code or the commune (case and accents ignored). */
  q?: string;
  entite?: PointEntite;
  statut?: LabelStatut;
  /** Labels in force that expire within this many days. */
  expireDansJours?: number;
  /** Only labelled points that no longer meet the rule. */
  aRegulariser?: boolean;
}

export interface PointRowRecord {
  id: number;
  code: string;
  nom: string;
  entite: PointEntite;
  type: PointType;
  voie: string;
  complement: string;
  code_postal: string;
  commune: string;
  horaires: string;
  contact_id: string | null;
  ouvert: number;
}

export async function allPoints(db: Db): Promise<PointRowRecord[]> {
  return db.all<PointRowRecord>(sql`SELECT * FROM points ORDER BY lower(nom), id`);
}

/** A point with its label state and the rule evaluated today. */
export interface PointState {
  point: PointRowRecord;
  statut: LabelStatut;
  expireLe: string | null;
  evaluation: LabelEvaluation;
  /** Labelled (in force, not suspended) but below the rule today. */
  aRegulariser: boolean;
}

/** Every point's label state and today's rule: two queries for the rule, one for the events. */
export async function pointStates(db: Db, now: Date): Promise<PointState[]> {
  const today = parisDay(now);
  const points = await allPoints(db);
  const latest = await latestEvents(db);
  const evaluations = await evaluatePoints(
    db,
    points.map((p) => p.id),
    today,
  );
  return points.map((point) => {
    const event = latest.get(point.id) ?? null;
    const statut = effectiveStatut(event, today);
    // evaluatePoints answers for every id it is given.
    const evaluation = evaluations.get(point.id) as LabelEvaluation;
    return {
      point,
      statut,
      expireLe: event?.expireLe ?? null,
      evaluation,
      aRegulariser: isLabelled(statut) && !evaluation.respectee,
    };
  });
}

function toRow({ point, statut, expireLe, evaluation, aRegulariser }: PointState): LabelPointRow {
  return {
    id: point.id,
    code: point.code,
    nom: point.nom,
    entite: point.entite,
    type: point.type,
    commune: point.commune,
    ouvert: point.ouvert === 1,
    statut,
    expireLe,
    agents: evaluation.total,
    formes: evaluation.formes,
    regleRespectee: evaluation.respectee,
    aRegulariser,
  };
}

export interface PointList {
  points: LabelPointRow[];
  /** Points before the filters. */
  total: number;
  /** Points by label state, before the filters. */
  parStatut: Record<LabelStatut, number>;
  aujourdhui: string;
}

export async function listLabelPoints(db: Db, filters: PointFilters, now: Date): Promise<PointList> {
  const today = parisDay(now);
  const states = await pointStates(db, now);
  const parStatut = Object.fromEntries(LABEL_STATUTS.map((s) => [s, 0])) as Record<LabelStatut, number>;
  for (const { statut } of states) parStatut[statut] += 1;
  const horizon = filters.expireDansJours === undefined ? null : addDaysToDay(today, filters.expireDansJours);
  const points = states
    .filter(({ point, statut, expireLe, aRegulariser }) => {
      if (!matchesQuery(filters.q, point.nom, point.code, point.commune)) return false;
      if (filters.entite && point.entite !== filters.entite) return false;
      if (filters.statut && statut !== filters.statut) return false;
      if (horizon !== null && !(isLabelled(statut) && expireLe !== null && expireLe <= horizon)) return false;
      if (filters.aRegulariser && !aRegulariser) return false;
      return true;
    })
    .map(toRow);
  return { points, total: states.length, parStatut, aujourdhui: today };
}

export async function requirePoint(db: Db, pointId: number): Promise<PointRowRecord> {
  const point = await db.one<PointRowRecord>(sql`SELECT * FROM points WHERE id = ${pointId}`);
  if (!point) throw new NotFoundError(`Le point d'accueil n° ${pointId} n'existe pas.`);
  return point;
}

/** The rule for a point on a day (today in Paris by default): what the decision panel shows before deciding. */
export async function labelEvaluation(
  db: Db,
  pointId: number,
  date: string | undefined,
  now: Date,
): Promise<LabelEvaluation> {
  await requirePoint(db, pointId);
  return evaluatePoint(db, pointId, date ?? parisDay(now));
}

export async function labelPoint(db: Db, pointId: number, now: Date): Promise<LabelPointDetail> {
  const point = await requirePoint(db, pointId);
  const today = parisDay(now);
  const latest = await latestEvent(db, pointId);
  const statut = effectiveStatut(latest, today);
  const evaluation = await evaluatePoint(db, pointId, today);
  const historique = await pointHistory(db, pointId);
  return {
    point: {
      id: point.id,
      code: point.code,
      nom: point.nom,
      entite: point.entite,
      type: point.type,
      voie: point.voie,
      complement: point.complement,
      codePostal: point.code_postal,
      commune: point.commune,
      horaires: point.horaires,
      contactId: point.contact_id,
      ouvert: point.ouvert === 1,
    },
    statut,
    expireLe: latest?.expireLe ?? null,
    aRegulariser: isLabelled(statut) && !evaluation.respectee,
    evaluation,
    historique,
    actions: allowedActions(statut, point.ouvert === 1),
    aujourdhui: today,
    dateMin: latest?.date ?? null,
  };
}
