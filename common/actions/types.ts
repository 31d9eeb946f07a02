// Corrective actions: what, who, by when, where it stands, its evidence and follow-up indicator, and where it
// came from (a finding of an internal audit, a complaint, a content gap, the annual review, or by hand).

export const ACTION_STATUTS = ['a_faire', 'en_cours', 'faite', 'abandonnee'] as const;
export type ActionStatut = (typeof ACTION_STATUTS)[number];
export const ACTION_STATUT_LABELS: Record<ActionStatut, string> = {
  a_faire: 'À faire',
  en_cours: 'En cours',
  faite: 'Faite',
  abandonnee: 'Abandonnée',
};
/** Still to be done: they carry over from one year to the next. */
export const OPEN_ACTION_STATUTS: readonly ActionStatut[] = ['a_faire', 'en_cours'];

export const ACTION_ORIGINES = ['constat', 'reclamation', 'manque', 'bilan', 'autre'] as const;
export type ActionOrigine = (typeof ACTION_ORIGINES)[number];
export const ACTION_ORIGINE_LABELS: Record<ActionOrigine, string> = {
  constat: 'Constat d’audit interne',
  reclamation: 'Réclamation',
  manque: 'Contenu manquant',
  bilan: 'Plan d’action du bilan',
  autre: 'Saisie directe',
};

export interface CorrectiveAction {
  id: number;
  quoi: string;
  responsable: string;
  echeance: string;
  statut: ActionStatut;
  preuve: string;
  indicateur: string;
  origine: ActionOrigine;
  origineId: string | null;
  /** « Constat n° 4 (audit du 3 mars 2026, Mairie annexe) », when the origin is known. */
  origineLibelle: string;
  point: { id: number; nom: string } | null;
  /** Day (Paris) it was created: the year it belongs to. */
  creeLe: string;
  /** Day it was done or abandoned. */
  closeLe: string | null;
  /** Open and past its due date. */
  enRetard: boolean;
}
