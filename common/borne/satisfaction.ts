// The satisfaction tap's four answers, with their words and faces declared once.

export const SATISFACTION_NOTES = ['tres_satisfait', 'satisfait', 'peu_satisfait', 'pas_satisfait'] as const;
export type SatisfactionNote = (typeof SATISFACTION_NOTES)[number];

export const SATISFACTION_LABELS: Record<SatisfactionNote, { libelle: string; visage: string }> = {
  tres_satisfait: { libelle: 'Très satisfait', visage: '😀' },
  satisfait: { libelle: 'Satisfait', visage: '🙂' },
  peu_satisfait: { libelle: 'Peu satisfait', visage: '😐' },
  pas_satisfait: { libelle: 'Pas satisfait', visage: '🙁' },
};
