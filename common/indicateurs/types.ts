// What the dashboard and the annual review receive. Node-free: the renderer reads these through the contract.
import type { PointEntite, PointType } from '../points/methods';
import type { Issue, JournalCanal, Motif } from '../journal/codes';
import type { Granularite, IndicateurCode, SensObjectif, Unite } from './codes';
import type { Comparaison } from './periods';

/** Which contacts count: a period (« YYYY-MM-DD », both days included) and optional filters. */
export interface Filtres {
  du: string;
  au: string;
  entite?: PointEntite;
  pointId?: number;
  /** A city desk (poste): its contacts only, from the detailed log (see core/indicateurs/filters.ts). */
  posteId?: number;
  canal?: JournalCanal;
}

export interface Objectif {
  indicateur: IndicateurCode;
  cible: number;
  sens: SensObjectif;
  /** Within this many points (units of the indicator) on the wrong side of the target: « proche ». */
  marge: number;
}

export type StatutObjectif = 'atteint' | 'proche' | 'non_atteint';

export interface Tendance {
  /** The previous period of the same length (or the previous year, in the annual review). */
  du: string;
  au: string;
  precedente: number | null;
  /** valeur − précédente; null when either is unknown. */
  ecart: number | null;
  sens: 'hausse' | 'baisse' | 'stable' | null;
}

export interface Indicateur {
  code: IndicateurCode;
  libelle: string;
  unite: Unite;
  /** null when it cannot be computed (a rate over no contact). */
  valeur: number | null;
  objectif: Objectif | null;
  /** null without an objective or without a value. */
  statut: StatutObjectif | null;
  tendance: Tendance;
}

export interface Periode {
  /** « 2025-03-17 » (jour, and the Monday for a week) or « 2025-03 » (mois). */
  cle: string;
  /** The part of the period inside the filter's range. */
  debut: string;
  fin: string;
  contacts: number;
  parIssue: Record<Issue, number>;
}

export interface LigneIssue {
  issue: Issue;
  libelle: string;
  nombre: number;
  /** Share of all contacts, in %; null when there is none. */
  taux: number | null;
}

export interface LigneMotif {
  motif: Motif;
  libelle: string;
  nombre: number;
  /** Share of the unresolved contacts, in %. */
  taux: number | null;
}

export interface LigneService {
  serviceId: string;
  /** The contact's name in the knowledge base, or its id when it is no longer there. */
  nom: string;
  nombre: number;
}

export interface Affluence {
  /** Why some contacts are not in the grid: the daily counts kept after retention have no hour. */
  note: string;
  /** Contacts of the period counted only in the daily aggregates (no hour). */
  sansHeure: number;
  /** 1 = Monday … 7 = Sunday; only cells with contacts. */
  cellules: Array<{ jourSemaine: number; heure: number; nombre: number }>;
}

export interface LigneFiche {
  ficheId: string;
  titre: string;
  nombre: number;
}

export interface LigneRecherche {
  requete: string;
  nombre: number;
}

export interface PointLabellise {
  pointId: number;
  nom: string;
  entite: PointEntite;
  type: PointType;
  statut: 'labellise' | 'renouvele';
  /** The decision's date (granted or renewed). */
  depuis: string;
  expireLe: string | null;
}

export interface Couverture {
  /** The day it is evaluated on (the end of the period). */
  jour: string;
  typeFormation: { code: string; libelle: string };
  /** Agents assigned to a point (of the filter) on that day. */
  agents: number;
  /** Of them, holding a valid training of that type on that day. */
  formes: number;
  taux: number | null;
}

/** How a period stands: still running, and what it is compared with. */
export interface EtatPeriode {
  /** The period runs into today (or later): its figures will still grow. */
  incomplete: boolean;
  /** The period the trends compare with, like with like (the same span of last year for a year so far). */
  precedente: { du: string; au: string };
  comparaison: Comparaison;
}

export interface Tableau {
  filtres: Filtres & { granularite: Granularite };
  periode: EtatPeriode;
  indicateurs: Indicateur[];
  volumes: Periode[];
  issues: LigneIssue[];
  motifs: LigneMotif[];
  services: LigneService[];
  affluence: Affluence;
  fiches: { note: string; lignes: LigneFiche[] };
  recherchesSansResultat: { note: string; lignes: LigneRecherche[] };
  recherchesNonResolues: { note: string; lignes: LigneRecherche[] };
  pointsLabellises: PointLabellise[];
  couverture: Couverture;
}

/** The tables of the dashboard that export to CSV. */
export const TABLES_TABLEAU = [
  'indicateurs',
  'volumes',
  'issues',
  'motifs',
  'services',
  'affluence',
  'fiches',
  'recherches_sans_resultat',
  'recherches_non_resolues',
  'points_labellises',
] as const;
export type TableTableau = (typeof TABLES_TABLEAU)[number];

export interface FichierCsv {
  filename: string;
  /** UTF-8 with a BOM, « ; » separated, decimal commas: what a French spreadsheet opens as is. */
  csv: string;
}

export interface EvenementLabel {
  id: number;
  pointId: number;
  nom: string;
  action: string;
  statut: string;
  date: string;
  expireLe: string | null;
  motif: string | null;
  decideParNom: string;
}

export interface FormationParType {
  code: string;
  libelle: string;
  sessions: number;
  inscrits: number;
  presents: number;
  absents: number;
  /** Distinct agents present at a session of this type during the year. */
  agentsFormes: number;
}

export interface SessionBilan {
  id: number;
  date: string;
  type: string;
  libelle: string;
  formateur: string;
  lieu: string;
  presents: number;
}

/** One line of the annual review's action plan. */
export interface ActionPlan {
  constat: string;
  action: string;
  responsable: string;
  /** « YYYY-MM-DD », or empty when not decided yet. */
  echeance: string;
  suivi: string;
}

/** The action plan of a year's review, as saved by the label manager. */
export interface PlanBilan {
  annee: number;
  texte: string;
  actions: ActionPlan[];
  /** ISO instant of the last save; null when never saved. */
  modifieLe: string | null;
  modifiePar: string | null;
}

export interface Bilan {
  annee: number;
  du: string;
  /** 31 December for a closed year; today for the year in progress. */
  au: string;
  /** The year is over: figures of the whole year. Otherwise they stop at `au`. */
  complete: boolean;
  /** What the year is compared with: the previous year, or its same span while the year runs. */
  precedente: { du: string; au: string };
  /** ISO instant the review was computed. */
  genereLe: string;
  volumes: Periode[];
  /** Against their objectives, with the previous year as the trend. */
  indicateurs: Indicateur[];
  issues: LigneIssue[];
  motifs: LigneMotif[];
  services: LigneService[];
  label: {
    /** The points labelled on `au` (31 December for a closed year). */
    registre: PointLabellise[];
    /** Every decision dated in the year. */
    evenements: EvenementLabel[];
    /** Decisions of the year by action (accorder, renouveler, suspendre…). */
    parAction: Array<{ action: string; nombre: number }>;
  };
  formation: {
    parType: FormationParType[];
    sessions: SessionBilan[];
    /** Distinct agents present at any session of the year. */
    agentsFormes: number;
    /** Coverage of the label's training on 31 December. */
    couverture: Couverture;
  };
  lacunes: {
    recherchesSansResultat: LigneRecherche[];
    recherchesNonResolues: LigneRecherche[];
    note: string;
  };
  /** The columns of the plan and its saved lines (keyed by column), for the CSV; the page edits `plan`. */
  planAction: { colonnes: string[]; actions: Array<Record<string, string>> };
  plan: PlanBilan;
}
