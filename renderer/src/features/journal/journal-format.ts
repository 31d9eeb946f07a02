// How an entry of the log reads in the agent's list of the day. Pure, tested under Node.
import type { Issue, Motif } from '../../../../common/journal/codes';
import { ISSUE_LABELS, MOTIF_LABELS, ORIENTATIONS } from '../../../../common/journal/codes';
import type { JournalEntry } from '../../../../common/journal/types';

const TIME = new Intl.DateTimeFormat('fr-FR', {
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Paris',
});

/** « 09:05 », the hour in Paris whatever the machine's zone. */
export function entryTime(horodatage: string): string {
  const date = new Date(horodatage);
  return Number.isNaN(date.getTime()) ? horodatage : TIME.format(date);
}

/** « Non résolu – pas de fiche », « Répondu (premier niveau) ». */
export function entryOutcome(entry: Pick<JournalEntry, 'issue' | 'motif'>): string {
  const issue = ISSUE_LABELS[entry.issue];
  return entry.motif ? `${issue} – ${MOTIF_LABELS[entry.motif].toLowerCase()}` : issue;
}

/** « 1 min 05 s », « 40 s »; a dash when the duration was not measured. */
export function entryDuration(seconds: number | null): string {
  if (seconds === null) return '–';
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
}

export interface Correction {
  issue: Issue;
  canal: JournalEntry['canal'];
  serviceId: string;
  motif: Motif | '';
  theme: string;
}

export function correctionOf(entry: JournalEntry): Correction {
  return {
    issue: entry.issue,
    canal: entry.canal,
    serviceId: entry.serviceId ?? '',
    motif: entry.motif ?? '',
    theme: entry.theme ?? '',
  };
}

/**
 * The journal.update input for a corrected entry: a service only with an orientation, a reason only with
 * « non résolu » (the core refuses the others; the form keeps what was typed when it switches outcome).
 */
export function updateInput(id: number, correction: Correction) {
  const orientation = ORIENTATIONS.includes(correction.issue);
  return {
    id,
    issue: correction.issue,
    canal: correction.canal,
    ...(orientation && correction.serviceId ? { serviceId: correction.serviceId } : {}),
    ...(correction.issue === 'non_resolu' && correction.motif ? { motif: correction.motif } : {}),
    ...(correction.theme ? { theme: correction.theme } : {}),
  };
}
