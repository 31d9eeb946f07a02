// What the rule needs from the registries on a day: the agents assigned to each point, with the sessions of the
// counted training type they attended (present only). Two queries for any number of points.
import type { Attended } from '../formations/training-validity';
import { sql, type Db } from '../store/db';
import { evaluateRule, type AssignedAgent } from './rule';
import { readLabelSettings } from './settings';
import type { LabelEvaluation, LabelSettings } from '../../../common/label/types';
import {
  controleFactsByPoint,
  evaluateControleCondition,
  NO_FACTS,
  withControleCondition,
} from '../controles/condition';

/** The rule's evaluations with the internal-audit condition joined, when the settings require it. */
async function withAudits(
  db: Db,
  evaluations: Map<number, LabelEvaluation>,
  day: string,
  settings: LabelSettings,
): Promise<Map<number, LabelEvaluation>> {
  if (!settings.controle?.exige) return evaluations;
  const { moisMax } = settings.controle;
  const facts = await controleFactsByPoint(db, day);
  for (const [id, evaluation] of evaluations)
    evaluations.set(
      id,
      withControleCondition(evaluation, evaluateControleCondition(facts.get(id) ?? NO_FACTS, day, moisMax)),
    );
  return evaluations;
}

interface AssignmentRow {
  point_id: number;
  agent_id: number;
  nom: string;
  prenom: string;
  service: string;
  debut: string;
}

interface AttendanceRow {
  agent_id: number;
  date: string;
  validite_mois: number | null;
}

/** Agents (active) assigned on `day`, by point; `pointId` narrows to one point. */
export async function assignedAgentsByPoint(
  db: Db,
  day: string,
  typeFormation: string,
  pointId?: number,
): Promise<Map<number, AssignedAgent[]>> {
  const onePoint = pointId === undefined ? sql`` : sql`AND af.point_id = ${pointId}`;
  // An agent with two overlapping assignments to the same point is one agent, assigned since the earliest.
  const rows = await db.all<AssignmentRow>(
    sql`SELECT af.point_id, a.id AS agent_id, a.nom, a.prenom, a.service, MIN(af.debut) AS debut
        FROM affectations af JOIN agents a ON a.id = af.agent_id
        WHERE a.actif = 1 AND af.debut <= ${day} AND (af.fin IS NULL OR af.fin >= ${day}) ${onePoint}
        GROUP BY af.point_id, a.id, a.nom, a.prenom, a.service
        ORDER BY lower(a.nom), lower(a.prenom), a.id`,
  );

  const agentIds = [...new Set(rows.map((row) => row.agent_id))];
  const trainings = new Map<number, Attended[]>();
  if (agentIds.length > 0) {
    const attended = await db.all<AttendanceRow>(
      sql`SELECT p.agent_id, s.date, t.validite_mois
          FROM presences p
          JOIN sessions_formation s ON s.id = p.session_id
          JOIN types_formation t ON t.code = s.type
          WHERE p.statut = 'present' AND s.type = ${typeFormation}
            AND p.agent_id IN (${sql.join(agentIds)})`,
    );
    for (const row of attended) {
      const list = trainings.get(row.agent_id) ?? [];
      list.push({ date: row.date, validiteMois: row.validite_mois });
      trainings.set(row.agent_id, list);
    }
  }

  const byPoint = new Map<number, AssignedAgent[]>();
  for (const row of rows) {
    const list = byPoint.get(row.point_id) ?? [];
    list.push({
      agentId: row.agent_id,
      nom: row.nom,
      prenom: row.prenom,
      service: row.service,
      affecteDepuis: row.debut,
      trainings: trainings.get(row.agent_id) ?? [],
    });
    byPoint.set(row.point_id, list);
  }
  return byPoint;
}

export async function trainingLabel(db: Db, code: string): Promise<string> {
  return (await db.value<string>(sql`SELECT libelle FROM types_formation WHERE code = ${code}`)) ?? code;
}

/** The rule for every point on `day` (points without agents included, when listed in `pointIds`). */
export async function evaluatePoints(
  db: Db,
  pointIds: readonly number[],
  day: string,
  given?: LabelSettings,
): Promise<Map<number, LabelEvaluation>> {
  const settings = given ?? (await readLabelSettings(db));
  const agents = await assignedAgentsByPoint(db, day, settings.typeFormation);
  const libelle = await trainingLabel(db, settings.typeFormation);
  const result = new Map<number, LabelEvaluation>();
  for (const id of pointIds) result.set(id, evaluateRule(id, day, agents.get(id) ?? [], settings, libelle));
  return withAudits(db, result, day, settings);
}

/** The rule for one point on `day`. */
export async function evaluatePoint(
  db: Db,
  pointId: number,
  day: string,
  given?: LabelSettings,
): Promise<LabelEvaluation> {
  const settings = given ?? (await readLabelSettings(db));
  const agents = (await assignedAgentsByPoint(db, day, settings.typeFormation, pointId)).get(pointId) ?? [];
  const libelle = await trainingLabel(db, settings.typeFormation);
  const evaluation = evaluateRule(pointId, day, agents, settings, libelle);
  return (await withAudits(db, new Map([[pointId, evaluation]]), day, settings)).get(pointId) ?? evaluation;
}
