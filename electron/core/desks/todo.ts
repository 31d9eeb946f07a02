// What needs the label manager's action: labels expiring soon or expired, agents whose training runs out, and
// labelled points that no longer meet the rule.
import { differenceInCalendarDays, parseISO } from 'date-fns';
import type { Attended } from '../agents/training-validity';
import { latestAttended, validUntil } from '../agents/training-validity';
import { addDaysToDay, parisDay } from '../dates';
import type { Db } from '../store/database';
import { isLabelled } from './label-lifecycle';
import type { PointState } from './label-points';
import { pointStates } from './label-points';
import { readLabelSettings } from './label-settings';
import type { ExpiringLabel, LabelTodo, PointToRegularise, RefresherDue } from './label-types';

export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

/** Labels in force expiring by `horizon`, and expired labels nobody renewed or asked for again; soonest first. */
export function expiringLabels(
  states: readonly PointState[],
  today: string,
  horizon: string,
): ExpiringLabel[] {
  const rows: ExpiringLabel[] = [];
  for (const { point, statut, expireLe } of states) {
    if (expireLe === null) continue;
    const due = statut === 'expire' || (isLabelled(statut) && expireLe <= horizon);
    if (due)
      rows.push({
        pointId: point.id,
        nom: point.nom,
        entite: point.entite,
        statut,
        expireLe,
        joursRestants: daysBetween(today, expireLe),
      });
  }
  return rows.sort((a, b) => a.expireLe.localeCompare(b.expireLe) || a.nom.localeCompare(b.nom, 'fr'));
}

export function pointsToRegularise(states: readonly PointState[]): PointToRegularise[] {
  return states
    .filter((state) => state.aRegulariser)
    .map(({ point, statut, expireLe, evaluation }) => ({
      pointId: point.id,
      nom: point.nom,
      entite: point.entite,
      statut,
      expireLe,
      manques: evaluation.manques,
    }));
}

interface AssignedRow {
  agent_id: number;
  nom: string;
  prenom: string;
  point_id: number;
  point_nom: string;
}

interface TrainingRow {
  agent_id: number;
  type: string;
  libelle: string;
  date: string;
  validite_mois: number | null;
}

/**
 * Agents assigned somewhere today whose latest training of any type (present only) stops counting by
 * `horizon`, or already has. Validity comes from training-validity.ts, like the rule's.
 */
export function refreshersDue(db: Db, today: string, horizon: string): RefresherDue[] {
  const assigned = db
    .prepare(
      `SELECT DISTINCT a.id AS agent_id, a.nom, a.prenom, p.id AS point_id, p.nom AS point_nom
       FROM agents a
       JOIN affectations af ON af.agent_id = a.id
       JOIN points p ON p.id = af.point_id
       WHERE a.actif = 1 AND af.debut <= ? AND (af.fin IS NULL OR af.fin >= ?)
       ORDER BY p.nom COLLATE NOCASE`,
    )
    .all(today, today) as AssignedRow[];
  const agents = new Map<
    number,
    { nom: string; prenom: string; points: Array<{ id: number; nom: string }> }
  >();
  for (const row of assigned) {
    const agent = agents.get(row.agent_id) ?? { nom: row.nom, prenom: row.prenom, points: [] };
    agent.points.push({ id: row.point_id, nom: row.point_nom });
    agents.set(row.agent_id, agent);
  }
  if (agents.size === 0) return [];

  const trainings = db
    .prepare(
      `SELECT pr.agent_id, s.type, t.libelle, s.date, t.validite_mois
       FROM presences pr
       JOIN sessions_formation s ON s.id = pr.session_id
       JOIN types_formation t ON t.code = s.type
       WHERE pr.statut = 'present' AND pr.agent_id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify([...agents.keys()])) as TrainingRow[];
  const byAgentAndType = new Map<string, { row: TrainingRow; sessions: Attended[] }>();
  for (const row of trainings) {
    const key = `${row.agent_id} ${row.type}`;
    const entry = byAgentAndType.get(key) ?? { row, sessions: [] };
    entry.sessions.push({ date: row.date, validiteMois: row.validite_mois });
    byAgentAndType.set(key, entry);
  }

  const due: RefresherDue[] = [];
  for (const { row, sessions } of byAgentAndType.values()) {
    const latest = latestAttended(sessions, today);
    const until = latest ? validUntil(latest) : null;
    const agent = agents.get(row.agent_id);
    if (until === null || until > horizon || !agent) continue;
    due.push({
      agentId: row.agent_id,
      nom: agent.nom,
      prenom: agent.prenom,
      points: agent.points,
      typeFormation: { code: row.type, libelle: row.libelle },
      valideJusquau: until,
      expiree: until < today,
    });
  }
  return due.sort(
    (a, b) =>
      a.valideJusquau.localeCompare(b.valideJusquau) ||
      a.nom.localeCompare(b.nom, 'fr') ||
      a.prenom.localeCompare(b.prenom, 'fr'),
  );
}

export function labelTodo(db: Db, now: Date): LabelTodo {
  const today = parisDay(now);
  const { alerteJours } = readLabelSettings(db);
  const horizon = addDaysToDay(today, alerteJours);
  const states = pointStates(db, now);
  return {
    aujourdhui: today,
    alerteJours,
    expiring: expiringLabels(states, today, horizon),
    refreshers: refreshersDue(db, today, horizon),
    toRegularise: pointsToRegularise(states),
  };
}
