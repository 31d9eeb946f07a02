// The codes of the orientation log, with their French labels. Import-free: the contract, the window and the
// indicators share them. The log holds these codes and nothing else about a contact (no identity, no free text).

/** How the citizen reached the desk. */
export const JOURNAL_CANAUX = [
  'accueil_physique',
  'telephone',
  'courriel',
  'courrier',
  'reseaux_sociaux',
] as const;
export type JournalCanal = (typeof JOURNAL_CANAUX)[number];

export const CANAL_LABELS: Record<JournalCanal, string> = {
  accueil_physique: 'Accueil physique',
  telephone: 'Téléphone',
  courriel: 'Courriel',
  courrier: 'Courrier',
  reseaux_sociaux: 'Réseaux sociaux',
};

/** How the contact ended, in the order of the outcome bar's keys 1 to 6. */
export const ISSUES = [
  'repondu',
  'oriente_fiche',
  'oriente_autre',
  'rendez_vous',
  'transmis',
  'non_resolu',
] as const;
export type Issue = (typeof ISSUES)[number];

export const ISSUE_LABELS: Record<Issue, string> = {
  repondu: 'Répondu (premier niveau)',
  oriente_fiche: 'Orienté vers le service de la fiche',
  oriente_autre: 'Orienté vers un autre service',
  rendez_vous: 'Rendez-vous pris',
  transmis: 'Demande transmise',
  non_resolu: 'Non résolu',
};

/** Why a contact was not resolved: the editors' backlog reads these. */
export const MOTIFS = ['pas_de_fiche', 'fiche_incomplete', 'hors_competence', 'autre'] as const;
export type Motif = (typeof MOTIFS)[number];

export const MOTIF_LABELS: Record<Motif, string> = {
  pas_de_fiche: 'Pas de fiche',
  fiche_incomplete: 'Fiche incomplète',
  hors_competence: 'Hors compétence',
  autre: 'Autre',
};

/** The outcomes that send the citizen to a service, which must then be named. */
export const ORIENTATIONS: readonly Issue[] = ['oriente_fiche', 'oriente_autre'];

/** At most this many fiches are kept for one contact. */
export const MAX_FICHES = 20;

/** A measured duration above this is a contact left open (lunch, a forgotten window), not a contact: dropped. */
export const MAX_DUREE_S = 4 * 3600;

/** The retention period, in months, until an administrator changes it. */
export const DEFAULT_RETENTION_MOIS = 24;
