// Internal audits (contrôles): the vocabulary with its French labels, declared once, and the shapes the window
// receives. « Contrôle » is the internal audit of a reception point; the word « audit » belongs to the audit
// trail (audit.*).

export const CONTROLE_MODES = ['visite', 'visite_mystere', 'appel_mystere'] as const;
export type ControleMode = (typeof CONTROLE_MODES)[number];
export const MODE_LABELS: Record<ControleMode, string> = {
  visite: 'Visite',
  visite_mystere: 'Visite mystère',
  appel_mystere: 'Appel mystère',
};

export const RESULTATS = ['conforme', 'non_conforme', 'sans_objet'] as const;
export type Resultat = (typeof RESULTATS)[number];
export const RESULTAT_LABELS: Record<Resultat, string> = {
  conforme: 'Conforme',
  non_conforme: 'Non conforme',
  sans_objet: 'Sans objet',
};

export const GRAVITES = ['majeure', 'mineure', 'sensible', 'fort'] as const;
export type Gravite = (typeof GRAVITES)[number];
export const GRAVITE_LABELS: Record<Gravite, string> = {
  majeure: 'Non-conformité majeure',
  mineure: 'Non-conformité mineure',
  sensible: 'Point sensible',
  fort: 'Point fort',
};

export const CONTROLE_STATUTS = ['planifie', 'en_cours', 'termine', 'annule'] as const;
export type ControleStatut = (typeof CONTROLE_STATUTS)[number];
export const CONTROLE_STATUT_LABELS: Record<ControleStatut, string> = {
  planifie: 'Planifié',
  en_cours: 'En cours',
  termine: 'Terminé',
  annule: 'Annulé',
};

export const CONSTAT_STATUT_LABELS = { ouvert: 'Ouvert', leve: 'Levé' } as const;
export type ConstatStatut = keyof typeof CONSTAT_STATUT_LABELS;

export interface Critere {
  /** Stable within a grid across its versions (« c12 »): answers are keyed by it. */
  code: string;
  libelle: string;
}

export interface ThemeGrille {
  libelle: string;
  criteres: Critere[];
}

/** One version of a grid: never changed once written. */
export interface GrilleVersion {
  grilleId: number;
  nom: string;
  /** The version's own row id (what an audit keeps). */
  versionId: number;
  version: number;
  themes: ThemeGrille[];
  creeLe: string;
  creePar: string | null;
}

export interface GrilleSummary {
  id: number;
  nom: string;
  /** The latest version's number and its count of criteria. */
  version: number;
  criteres: number;
  /** Audits filled with any version of the grid. */
  controles: number;
}

export interface Auditeur {
  agentId: number;
  nom: string;
  prenom: string;
  service: string;
  /** The auditor training's last valid day (null: never expires). */
  valideJusquau: string | null;
}

export interface ControleSummary {
  id: number;
  pointId: number;
  pointNom: string;
  grilleNom: string;
  version: number;
  mode: ControleMode;
  prevuLe: string;
  realiseLe: string | null;
  statut: ControleStatut;
  auditeur: { agentId: number; nom: string; prenom: string };
  /** Findings by grade. */
  constats: Record<Gravite, number>;
  /** Major findings still open. */
  majeuresOuvertes: number;
}

export interface Reponse {
  critere: string;
  resultat: Resultat;
  commentaire: string;
}

export interface Constat {
  id: number;
  controleId: number;
  critere: string | null;
  /** The criterion's wording in the audit's grid version, when the finding names one. */
  critereLibelle: string | null;
  gravite: Gravite;
  texte: string;
  statut: ConstatStatut;
  leveLe: string | null;
  /** Corrective actions raised from it. */
  actions: Array<{ id: number; quoi: string; statut: string; echeance: string }>;
}

export interface ControleView extends ControleSummary {
  grille: GrilleVersion;
  reponses: Reponse[];
  synthese: string;
  motifAnnulation: string | null;
  liste: Constat[];
  /** Conforme / non conforme / sans objet counts and the criteria left unanswered. */
  resultats: Record<Resultat, number> & { sansReponse: number };
  /** What the caller may do: fill it (the auditor or a label manager, while not finished), manage it. */
  peutRemplir: boolean;
  peutGerer: boolean;
}

/** A point's audits and its open findings, for its page. */
export interface ControlesDuPoint {
  pointId: number;
  controles: ControleSummary[];
  constatsOuverts: Array<Constat & { realiseLe: string | null }>;
}

/** The label rule's optional condition on internal audits, evaluated on a day. */
export interface ControleCondition {
  moisMax: number;
  /** The latest finished audit of the point on or before the day. */
  dernier: { id: number; realiseLe: string } | null;
  recent: boolean;
  majeuresOuvertes: Array<{ id: number; texte: string; controleId: number; realiseLe: string | null }>;
  atteinte: boolean;
}
