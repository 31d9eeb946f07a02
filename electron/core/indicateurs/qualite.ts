// Satisfaction and complaints for the dashboard and the annual review: the Qualite block, from the counts of
// core/satisfaction and core/reclamations under the same filters.
import { CANAL_LABELS } from '../../../common/journal/codes';
import type { JournalCanal } from '../../../common/journal/codes';
import type { Qualite } from '../../../common/indicateurs/types';
import { NOTES, satisfactionRates } from '../../../common/satisfaction/codes';
import type { ReclamationCounts } from '../reclamations/counts';
import type { SatisfactionCounts } from '../satisfaction/counts';
import { rate } from './coverage';

export function qualiteOf(satisfaction: SatisfactionCounts, reclamations: ReclamationCounts): Qualite {
  const total = (notes: SatisfactionCounts['parNote']) => NOTES.reduce((sum, note) => sum + notes[note], 0);
  return {
    satisfaction: {
      reponses: total(satisfaction.parNote),
      parNote: satisfaction.parNote,
      parCanal: satisfaction.parCanal.map(({ canal, parNote }) => ({
        canal,
        libelle: CANAL_LABELS[canal as JournalCanal] ?? canal,
        reponses: total(parNote),
        ...satisfactionRates(parNote),
      })),
      parSource: satisfaction.parSource,
    },
    reclamations: {
      reclamations: reclamations.recues.reclamation,
      suggestions: reclamations.recues.suggestion,
      repondues: reclamations.repondues,
      dansLesDelais: reclamations.dansLesDelais,
      tauxDelaisTenus: rate(reclamations.dansLesDelais, reclamations.repondues),
      enCours: reclamations.enCours,
      enRetard: reclamations.enRetard,
    },
  };
}
