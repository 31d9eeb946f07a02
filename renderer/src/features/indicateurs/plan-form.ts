// The annual review's action plan as the page edits it: blank lines, the check of each line with the contract's
// own schema (messages next to the field that caused them), and whether anything differs from what is saved.
import { keptActions } from '../../../../common/indicateurs/action-plan';
import { actionPlanSchema } from '../../../../common/indicateurs/methods';
import type { ActionPlan, PlanBilan } from '../../../../common/indicateurs/types';
import type { FieldErrors } from '../../ui/forms/checkForm';
import { checkForm } from '../../ui/forms/checkForm';

export const PLAN_FIELDS: Array<{ key: keyof ActionPlan; label: string }> = [
  { key: 'constat', label: 'Constat' },
  { key: 'action', label: 'Action' },
  { key: 'responsable', label: 'Responsable' },
  { key: 'echeance', label: 'Échéance' },
  { key: 'suivi', label: 'Indicateur de suivi' },
];

export function blankAction(): ActionPlan {
  return { constat: '', action: '', responsable: '', echeance: '', suivi: '' };
}

export interface PlanDraft {
  texte: string;
  actions: ActionPlan[];
}

/** The draft of a saved plan, with one blank line to type in when it has none. */
export function draftOf(plan: PlanBilan): PlanDraft {
  return { texte: plan.texte, actions: plan.actions.length > 0 ? plan.actions : [blankAction()] };
}

/** What the draft would save: trimmed, without its blank lines. */
export function normalised(draft: PlanDraft): PlanDraft {
  return {
    texte: draft.texte.trim(),
    actions: keptActions(draft.actions),
  };
}

/** Whether the draft would change what is saved. */
export function isDirty(saved: PlanBilan, draft: PlanDraft): boolean {
  const a = normalised(draft);
  const b = normalised({ texte: saved.texte, actions: saved.actions });
  return a.texte !== b.texte || JSON.stringify(a.actions) !== JSON.stringify(b.actions);
}

/** Each line's messages by field (index of the line in the draft); empty when every line passes. */
export function planErrors(draft: PlanDraft): Record<number, FieldErrors> {
  const errors: Record<number, FieldErrors> = {};
  draft.actions.forEach((action, index) => {
    const checked = checkForm(actionPlanSchema, action);
    if (!checked.ok) errors[index] = checked.errors;
  });
  return errors;
}
