// The satisfaction tap's four answers, with their words and faces declared once. The same codes, words and
// faces as the one-tap rating of the desks (issue 15's satisfaction counts), so the kiosk's counts can join
// theirs as one more source.

export const SATISFACTION_NOTES = ['tres_satisfait', 'satisfait', 'insatisfait', 'tres_insatisfait'] as const;
export type SatisfactionNote = (typeof SATISFACTION_NOTES)[number];

export const SATISFACTION_LABELS: Record<SatisfactionNote, { libelle: string; visage: string }> = {
  tres_satisfait: { libelle: 'Très satisfait', visage: '😀' },
  satisfait: { libelle: 'Satisfait', visage: '🙂' },
  insatisfait: { libelle: 'Insatisfait', visage: '🙁' },
  tres_insatisfait: { libelle: 'Très insatisfait', visage: '😠' },
};
