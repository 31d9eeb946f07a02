// The label's vocabulary and the shapes the window receives. Node-free: the renderer reads these types through
// the contract.

import type { PointEntite, PointType } from '../points/methods';
import type { ControleCondition } from '../controles/types';
/** Every decision a label manager can take on a point. */
export const LABEL_ACTIONS = [
  'demander',
  'instruire',
  'accorder',
  'refuser',
  'renouveler',
  'suspendre',
  'lever_suspension',
  'retirer',
] as const;
export type LabelAction = (typeof LABEL_ACTIONS)[number];

/** The states an event can record (label_evenements.statut). */
export type RecordedStatut =
  'demande' | 'instruction' | 'labellise' | 'refuse' | 'renouvele' | 'suspendu' | 'retire';

/**
 * The state that counts today: the latest event's, except « aucun » (no event yet) and « expire » (labelled or
 * renewed, expiry date passed), which are computed.
 */
export const LABEL_STATUTS = [
  'aucun',
  'demande',
  'instruction',
  'labellise',
  'renouvele',
  'suspendu',
  'retire',
  'refuse',
  'expire',
] as const;
export type LabelStatut = (typeof LABEL_STATUTS)[number];

export const STATUT_LABELS: Record<LabelStatut, string> = {
  aucun: 'Non labellisé',
  demande: 'Demandé',
  instruction: 'En instruction',
  labellise: 'Labellisé',
  renouvele: 'Renouvelé',
  suspendu: 'Suspendu',
  retire: 'Retiré',
  refuse: 'Refusé',
  expire: 'Expiré',
};

export const ACTION_LABELS: Record<LabelAction, string> = {
  demander: 'Enregistrer la demande',
  instruire: 'Mettre en instruction',
  accorder: 'Accorder le label',
  refuser: 'Refuser le label',
  renouveler: 'Renouveler le label',
  suspendre: 'Suspendre le label',
  lever_suspension: 'Lever la suspension',
  retirer: 'Retirer le label',
};

/** The rule and the periods, as stored in the settings (key « label.reglage »). */
export interface LabelSettings {
  /** How long a granted or renewed label lasts. */
  dureeMois: number;
  regle: {
    /** Agents assigned for longer than this must be trained; newer ones are in their integration period. */
    ancienneteMois: number;
    /** Share (%) of those agents who must hold a valid training. */
    proportion: number;
    /** Trained agents the point needs at least, whatever their seniority. */
    minimum: number;
  };
  /** Labels and trainings expiring within this many days are listed as needing action. */
  alerteJours: number;
  /** The training type that counts for the label. */
  typeFormation: string;
  /**
   * Option: the point also needs a finished internal audit (contrôle) within `moisMax` months, and no major
   * non-conformity left open. Absent or `exige: false`: the rule is the training rule alone.
   */
  controle?: { exige: boolean; moisMax: number };
}

/** One agent's training for the rule: valid on the day, expired, or never attended. */
export interface RuleTraining {
  etat: 'valide' | 'expiree' | 'jamais';
  /** The session that counts (latest attended on or before the day). */
  date: string | null;
  /** Its last valid day; null when it never expires or was never attended. */
  valideJusquau: string | null;
}

export interface AgentEvaluation {
  agentId: number;
  nom: string;
  prenom: string;
  service: string;
  /** Start of the assignment covering the day. */
  affecteDepuis: string;
  /** Assigned for longer than the seniority threshold: counts in the proportion. */
  compte: boolean;
  formation: RuleTraining;
  verdict: 'forme' | 'non_forme' | 'integration';
  /** « Formé », « Non formé », « En intégration (arrivé il y a moins de 3 mois) ». */
  verdictLibelle: string;
}

/** The rule applied to a point on a day, agent by agent. */
export interface LabelEvaluation {
  pointId: number;
  date: string;
  regle: LabelSettings['regle'];
  typeFormation: { code: string; libelle: string };
  agents: AgentEvaluation[];
  /** Currently assigned agents. */
  total: number;
  /** Of them, holding a valid training. */
  formes: number;
  /** Assigned for longer than the threshold (they count in the proportion). */
  anciens: number;
  anciensFormes: number;
  proportionAtteinte: boolean;
  minimumAtteint: boolean;
  respectee: boolean;
  /** What is missing, in French (empty when the rule is met). */
  manques: string[];
  /** The internal-audit condition, present when the settings require it. */
  controle?: ControleCondition;
}

export interface LabelEvent {
  id: number;
  action: LabelAction;
  statut: RecordedStatut;
  date: string;
  expireLe: string | null;
  motif: string | null;
  decideParNom: string;
  /** ISO instant the decision was recorded. */
  enregistreLe: string;
  /** The rule's evaluation kept when the label was granted or renewed. */
  evaluation: LabelEvaluation | null;
}

export interface LabelPointRow {
  id: number;
  code: string;
  nom: string;
  entite: PointEntite;
  type: PointType;
  commune: string;
  ouvert: boolean;
  statut: LabelStatut;
  expireLe: string | null;
  agents: number;
  formes: number;
  regleRespectee: boolean;
  aRegulariser: boolean;
}

export interface LabelPointDetail {
  point: {
    id: number;
    code: string;
    nom: string;
    entite: PointEntite;
    type: PointType;
    voie: string;
    complement: string;
    codePostal: string;
    commune: string;
    horaires: string;
    contactId: string | null;
    ouvert: boolean;
  };
  statut: LabelStatut;
  expireLe: string | null;
  aRegulariser: boolean;
  /** Today's evaluation of the rule. */
  evaluation: LabelEvaluation;
  /** Every decision, oldest first. */
  historique: LabelEvent[];
  /** The decisions allowed now. */
  actions: LabelAction[];
  /** Today in Paris, the decision date's default and its upper bound. */
  aujourdhui: string;
  /** The latest decision's date: a new one cannot be earlier. */
  dateMin: string | null;
}

export interface LabelDecision {
  pointId: number;
  statut: LabelStatut;
  expireLe: string | null;
  evenement: LabelEvent;
}

export interface ExpiringLabel {
  pointId: number;
  nom: string;
  entite: PointEntite;
  statut: LabelStatut;
  expireLe: string;
  /** Negative once expired. */
  joursRestants: number;
}

export interface RefresherDue {
  agentId: number;
  nom: string;
  prenom: string;
  /** The points the agent is assigned to today. */
  points: Array<{ id: number; nom: string }>;
  typeFormation: { code: string; libelle: string };
  valideJusquau: string;
  expiree: boolean;
}

export interface PointToRegularise {
  pointId: number;
  nom: string;
  entite: PointEntite;
  statut: LabelStatut;
  expireLe: string | null;
  manques: string[];
}

export interface LabelTodo {
  aujourdhui: string;
  alerteJours: number;
  expiring: ExpiringLabel[];
  refreshers: RefresherDue[];
  toRegularise: PointToRegularise[];
}

export interface RegisterRow {
  pointId: number;
  entite: PointEntite;
  nom: string;
  type: PointType;
  adresse: string;
  horaires: string;
  labelliseLe: string;
  expireLe: string;
}

/** A decision once taken, as reports and the audit trail name it. */
export const DECISION_NAMES: Record<LabelAction, string> = {
  demander: 'Demande de label',
  instruire: 'Mise en instruction',
  accorder: 'Label accordé',
  refuser: 'Label refusé',
  renouveler: 'Label renouvelé',
  suspendre: 'Label suspendu',
  lever_suspension: 'Suspension levée',
  retirer: 'Label retiré',
};
