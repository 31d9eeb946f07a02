// The label's life cycle as a table: from which state each decision may be taken, and the state it records.
// Pure; label-decide.ts applies it to the database.
import type { LabelAction, LabelStatut, RecordedStatut } from '../../../common/label/types';
import { STATUT_LABELS } from '../../../common/label/types';

interface Transition {
  from: readonly LabelStatut[];
  to: RecordedStatut;
  /** A reason must be given (refusal, suspension, withdrawal). */
  motif: boolean;
  /** The rule must be met on the decision date. */
  regle: boolean;
}

export const TRANSITIONS: Record<LabelAction, Transition> = {
  demander: { from: ['aucun', 'retire', 'refuse', 'expire'], to: 'demande', motif: false, regle: false },
  instruire: { from: ['demande'], to: 'instruction', motif: false, regle: false },
  accorder: { from: ['instruction'], to: 'labellise', motif: false, regle: true },
  refuser: { from: ['instruction'], to: 'refuse', motif: true, regle: false },
  renouveler: { from: ['labellise', 'renouvele'], to: 'renouvele', motif: false, regle: true },
  suspendre: { from: ['labellise', 'renouvele'], to: 'suspendu', motif: true, regle: false },
  lever_suspension: { from: ['suspendu'], to: 'labellise', motif: false, regle: true },
  retirer: { from: ['labellise', 'renouvele', 'suspendu'], to: 'retire', motif: true, regle: false },
};

/** The latest event of a point, as far as its state goes. */
export interface LatestEvent {
  statut: RecordedStatut;
  date: string;
  expireLe: string | null;
}

/** The state that counts on `today`: a labelled or renewed point past its expiry date is « expiré ». */
export function effectiveStatut(latest: LatestEvent | null, today: string): LabelStatut {
  if (!latest) return 'aucun';
  if ((latest.statut === 'labellise' || latest.statut === 'renouvele') && latest.expireLe !== null)
    return latest.expireLe < today ? 'expire' : latest.statut;
  return latest.statut;
}

/** Labelled or renewed and not expired: what the public register lists. */
export function isLabelled(statut: LabelStatut): boolean {
  return statut === 'labellise' || statut === 'renouvele';
}

/** Decisions that open or extend a label: a closed point receives none (it can still be suspended or withdrawn). */
export const NEEDS_OPEN_POINT: ReadonlySet<LabelAction> = new Set([
  'demander',
  'instruire',
  'accorder',
  'renouveler',
  'lever_suspension',
]);

/** The decisions the life cycle allows from a state, for a point open or closed. */
export function allowedActions(statut: LabelStatut, ouvert = true): LabelAction[] {
  return (Object.keys(TRANSITIONS) as LabelAction[]).filter(
    (action) => TRANSITIONS[action].from.includes(statut) && (ouvert || !NEEDS_OPEN_POINT.has(action)),
  );
}

// With their French elision: « d'accorder », « de refuser ».
const ACTION_VERBS: Record<LabelAction, string> = {
  demander: "d'enregistrer une demande de label",
  instruire: 'de mettre la demande en instruction',
  accorder: "d'accorder le label",
  refuser: 'de refuser le label',
  renouveler: 'de renouveler le label',
  suspendre: 'de suspendre le label',
  lever_suspension: 'de lever la suspension',
  retirer: 'de retirer le label',
};

/** Why a decision cannot be taken from this state, naming the state, or null when it can. */
export function transitionRefusal(action: LabelAction, statut: LabelStatut): string | null {
  if (TRANSITIONS[action].from.includes(statut)) return null;
  const from = TRANSITIONS[action].from.map((s) => `« ${STATUT_LABELS[s].toLowerCase()} »`);
  const list = from.length === 1 ? from[0] : `${from.slice(0, -1).join(', ')} ou ${from.at(-1)}`;
  return (
    `Impossible ${ACTION_VERBS[action]} : le point est actuellement « ${STATUT_LABELS[statut].toLowerCase()} » ` +
    `(il faut qu'il soit ${list}).`
  );
}
