// The one-tap rating's answers and where a rating comes from, with their French labels. Import-free: the
// contract, the window and the indicators share them. A rating holds no identity: only these codes, a day, a
// point and a channel.

/** The four faces, from the best to the worst. */
export const NOTES = ['tres_satisfait', 'satisfait', 'insatisfait', 'tres_insatisfait'] as const;
export type Note = (typeof NOTES)[number];

export const NOTE_LABELS: Record<Note, string> = {
  tres_satisfait: 'Très satisfait',
  satisfait: 'Satisfait',
  insatisfait: 'Insatisfait',
  tres_insatisfait: 'Très insatisfait',
};

/** A face for each answer: what the citizen taps on the tablet. */
export const NOTE_FACES: Record<Note, string> = {
  tres_satisfait: '😀',
  satisfait: '🙂',
  insatisfait: '🙁',
  tres_insatisfait: '😠',
};

/** Where the counts come from: the desk, the citizen's tablet, the kiosk, or a survey imported from a file. */
export const SOURCES = ['comptoir', 'tablette', 'borne', 'enquete_web', 'enquete_papier'] as const;
export type SourceSatisfaction = (typeof SOURCES)[number];

export const SOURCE_LABELS: Record<SourceSatisfaction, string> = {
  comptoir: 'Demandée par l’agent',
  tablette: 'Tablette de l’usager',
  borne: 'Borne d’accueil',
  enquete_web: 'Questionnaire en ligne',
  enquete_papier: 'Questionnaire papier',
};

/** The sources an imported file may declare. */
export const SOURCES_ENQUETE = ['enquete_web', 'enquete_papier'] as const;

/** Ratings counted by answer. */
export type CompteNotes = Record<Note, number>;

/**
 * Satisfaction rate: the share of satisfied answers (très satisfait + satisfait), in %. Net satisfaction:
 * the share of « très satisfait » minus the share of dissatisfied answers (insatisfait + très insatisfait),
 * in points, from −100 to +100 — it rewards enthusiasm and punishes every dissatisfaction. null without answers.
 */
export function satisfactionRates(counts: CompteNotes): { taux: number | null; nette: number | null } {
  const total = NOTES.reduce((sum, note) => sum + counts[note], 0);
  if (total === 0) return { taux: null, nette: null };
  const satisfied = counts.tres_satisfait + counts.satisfait;
  const dissatisfied = counts.insatisfait + counts.tres_insatisfait;
  return {
    taux: (satisfied / total) * 100,
    nette: ((counts.tres_satisfait - dissatisfied) / total) * 100,
  };
}

export function zeroNotes(): CompteNotes {
  return { tres_satisfait: 0, satisfait: 0, insatisfait: 0, tres_insatisfait: 0 };
}
