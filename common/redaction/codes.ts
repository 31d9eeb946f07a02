// Codes of the editors' workflow shared by the contract and the core. Import-free: the renderer reads them.

/** Why an agent found a fiche not useful: codes only, never free text (the log holds no citizen's words). */
export const FEEDBACK_MOTIFS = ['incomplete', 'obsolete', 'erronee', 'hors_sujet', 'autre'] as const;
export type FeedbackMotif = (typeof FEEDBACK_MOTIFS)[number];

export const FEEDBACK_MOTIF_LABELS: Record<FeedbackMotif, string> = {
  incomplete: 'Incomplète',
  obsolete: 'Obsolète',
  erronee: 'Erronée',
  hors_sujet: 'Hors sujet',
  autre: 'Autre',
};

export const EDITOR_KINDS = ['fiche', 'contact'] as const;
export type EditorKind = (typeof EDITOR_KINDS)[number];

/** Months added to today by « Marquer comme vérifiée » when the setting 'revision.mois' is absent. */
export const DEFAULT_REVIEW_MONTHS = 12;
/** A draft created from the backlog is due for review this many days later. */
export const DRAFT_REVIEW_DAYS = 30;
