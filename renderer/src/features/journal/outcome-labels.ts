// What the bar's buttons and its toast say about an outcome. Pure, tested under Node.
import type { Issue, Motif } from '../../../../common/journal/codes';
import { ISSUE_LABELS, MOTIF_LABELS } from '../../../../common/journal/codes';

/** The short form the toast uses: « Répondu », « Orienté vers Mairie – État civil », « Non résolu (pas de fiche) ». */
export function outcomeLabel(issue: Issue, details: { service?: string; motif?: Motif } = {}): string {
  switch (issue) {
    case 'repondu':
      return 'Répondu';
    case 'oriente_fiche':
    case 'oriente_autre':
      return details.service ? `Orienté vers ${details.service}` : 'Orienté vers un service';
    case 'rendez_vous':
      return 'Rendez-vous pris';
    case 'transmis':
      return 'Demande transmise';
    case 'non_resolu':
      return details.motif ? `Non résolu (${MOTIF_LABELS[details.motif].toLowerCase()})` : 'Non résolu';
  }
}

/** The bar's button for an outcome; the second one names the service of the fiche opened, when there is one. */
export function buttonLabel(issue: Issue, ficheService: string | null): string {
  return issue === 'oriente_fiche' && ficheService ? `Orienté vers ${ficheService}` : ISSUE_LABELS[issue];
}
