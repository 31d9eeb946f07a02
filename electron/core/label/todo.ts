// What needs the label manager's action: labels expiring soon or expired, agents whose training runs out, and
// labelled points that no longer meet the rule.
import { refreshersDue } from '../formations/refreshers';
import { daysBetween } from '../../../common/dates';
import { addDaysToDay, parisDay } from '../../../common/dates';
import type { Db } from '../store/db';
import { isLabelled } from './lifecycle';
import type { PointState } from './label-points';
import { pointStates } from './label-points';
import { readLabelSettings } from './settings';
import type { ExpiringLabel, LabelTodo, PointToRegularise, RefresherDue } from '../../../common/label/types';

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

/**
 * Agents assigned somewhere today whose latest training of any type stops counting within `alerteJours`, or
 * already has: the same list as the training page's (agents/refreshers.ts), in the label's shape.
 */
async function refreshersWithin(db: Db, alerteJours: number, now: Date): Promise<RefresherDue[]> {
  return (await refreshersDue(db, alerteJours, now)).map((row) => ({
    agentId: row.agent.id,
    nom: row.agent.nom,
    prenom: row.agent.prenom,
    points: row.points.map(({ id, nom }) => ({ id, nom })),
    typeFormation: row.type,
    valideJusquau: row.valideJusquau,
    expiree: row.etat === 'expiree',
  }));
}

export async function labelTodo(db: Db, now: Date): Promise<LabelTodo> {
  const today = parisDay(now);
  const { alerteJours } = await readLabelSettings(db);
  const horizon = addDaysToDay(today, alerteJours);
  const states = await pointStates(db, now);
  const refreshers = await refreshersWithin(db, alerteJours, now);
  return {
    aujourdhui: today,
    alerteJours,
    expiring: expiringLabels(states, today, horizon),
    refreshers,
    toRegularise: pointsToRegularise(states),
  };
}
