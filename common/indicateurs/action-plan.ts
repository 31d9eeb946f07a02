// The annual review's action plan as it is kept: every value trimmed, the lines with nothing typed in them
// dropped (an empty row of the form is not an action). The core stores this; the window shows it printed and
// compares it with what is saved.
import type { ActionPlan } from './types';

export function keptActions(actions: readonly ActionPlan[]): ActionPlan[] {
  return actions
    .map((a) => ({
      constat: a.constat.trim(),
      action: a.action.trim(),
      responsable: a.responsable.trim(),
      echeance: a.echeance.trim(),
      suivi: a.suivi.trim(),
    }))
    .filter((a) => Object.values(a).some((value) => value !== ''));
}
