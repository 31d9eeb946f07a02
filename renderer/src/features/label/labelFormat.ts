// Pure helpers of the label pages: the points list's filters as URL params, and French phrasings of the label's
// dates and trainings. Unit-tested under Node.
import type { InputOf } from '../../../../common/contract';
import type { LabelAction, LabelStatut, RuleTraining } from '../../../../common/label/types';
import type { PointEntite } from '../../../../common/points/methods';
import { POINT_ENTITES } from '../../../../common/points/methods';
import { LABEL_STATUTS } from '../../../../common/label/types';
import { formatDate, plural } from '../../ui/format';
import type { Params } from '../../router';

/** The « expiring » filter of the points list looks this many days ahead. */
export const EXPIRING_DAYS = 90;

/** The points list's filters, read from the URL (« #/points?entite=ccas&statut=labellise&expire=1 »). */
export function filtersFromParams(params: Params): InputOf<'label.points'> {
  const filters: InputOf<'label.points'> = {};
  const q = params.q?.trim();
  if (q) filters.q = q;
  if (params.entite && (POINT_ENTITES as readonly string[]).includes(params.entite))
    filters.entite = params.entite as PointEntite;
  if (params.statut && (LABEL_STATUTS as readonly string[]).includes(params.statut))
    filters.statut = params.statut as LabelStatut;
  if (params.expire === '1') filters.expireDansJours = EXPIRING_DAYS;
  if (params.regulariser === '1') filters.aRegulariser = true;
  return filters;
}

/** The params with one filter changed; an empty value removes it. */
export function withParam(params: Params, key: string, value: string): Params {
  const next: Params = { ...params };
  if (value === '') delete next[key];
  else next[key] = value;
  return next;
}

/** « expire dans 27 jours », « expire aujourd'hui », « expiré depuis 53 jours ». */
export function remainingText(days: number): string {
  if (days === 0) return "expire aujourd'hui";
  if (days > 0) return `expire dans ${plural(days, 'jour')}`;
  return `expiré depuis ${plural(-days, 'jour')}`;
}

/** An agent's training for the rule, as the decision screen says it. */
export function trainingText(formation: RuleTraining): string {
  if (formation.etat === 'jamais' || formation.date === null) return 'Jamais suivie';
  if (formation.valideJusquau === null)
    return `Suivie le ${formatDate(formation.date)}, sans limite de validité`;
  if (formation.etat === 'valide') return `Valable jusqu'au ${formatDate(formation.valideJusquau)}`;
  return `Expirée depuis le ${formatDate(nextDay(formation.valideJusquau))}`;
}

function nextDay(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** « 3 agents formés sur 4 », « 1 agent formé sur 1 », « aucun agent affecté ». */
export function coverageText(formes: number, total: number): string {
  if (total === 0) return 'aucun agent affecté';
  return `${formes} ${formes >= 2 ? 'agents formés' : 'agent formé'} sur ${total}`;
}

/** What each decision did, as the history says it. */
export const EVENT_LABELS: Record<LabelAction, string> = {
  demander: 'Demande de label enregistrée',
  instruire: 'Demande mise en instruction',
  accorder: 'Label accordé',
  refuser: 'Label refusé',
  renouveler: 'Label renouvelé',
  suspendre: 'Label suspendu',
  lever_suspension: 'Suspension levée',
  retirer: 'Label retiré',
};

/** The decisions that need a reason. */
export const MOTIF_ACTIONS: readonly LabelAction[] = ['refuser', 'suspendre', 'retirer'];

/** The decisions the rule must allow: the panel shows the rule's evaluation before them. */
export const RULE_ACTIONS: readonly LabelAction[] = ['accorder', 'renouveler', 'lever_suspension'];
