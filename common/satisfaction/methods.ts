// Satisfaction on every channel: the one-tap rating at the end of a contact (the agent asks, or the citizen
// taps a tablet) and the surveys imported from a CSV file (web and paper questionnaires).
import { z } from 'zod';
import { JOURNAL_CANAUX } from '../journal/codes';
import type { MethodTable } from '../method-table';
import { NOTES, SOURCES_ENQUETE } from './codes';
import type { Note, SourceSatisfaction } from './codes';

/** A survey file of 5 million characters holds far more questionnaires than a city collects in a year. */
export const MAX_ENQUETE_CHARS = 5_000_000;

export interface NoteEnregistree {
  jour: string;
  pointId: number;
  canal: string;
  note: Note;
  source: SourceSatisfaction;
}

/** One refused line of a survey file, with every reason in French. */
export interface LigneRejetee {
  /** The line in the file, the header being line 1. */
  ligne: number;
  contenu: string;
  raisons: string[];
}

export interface RapportEnquete {
  dryRun: boolean;
  /** Data lines read (blank lines aside). */
  lignes: number;
  /** Answers counted from the valid lines (a line may carry a « nombre » of identical answers). */
  reponses: number;
  rejets: LigneRejetee[];
  /** Header columns Info'Cité does not know, ignored. */
  colonnesIgnorees: string[];
}

export const satisfactionMethods = {
  'satisfaction.record': {
    role: 'agent',
    input: z.object({
      note: z.enum(NOTES, { error: 'choisissez un visage' }),
      /** By default the usual channel of the desk's point. */
      canal: z.enum(JOURNAL_CANAUX, { error: 'canal inconnu' }).optional(),
      /** Who tapped: the agent after logging a contact, or the citizen on the tablet. */
      source: z.enum(['comptoir', 'tablette'], { error: 'source inconnue' }),
    }),
  },
  'satisfaction.importCsv': {
    role: 'gestionnaire',
    input: z.object({
      csv: z.string().max(MAX_ENQUETE_CHARS, 'le fichier dépasse 5 millions de caractères'),
      source: z.enum(SOURCES_ENQUETE, { error: 'choisissez questionnaire en ligne ou papier' }),
      dryRun: z.boolean(),
    }),
  },
} as const satisfies MethodTable;

export interface SatisfactionOutputs {
  'satisfaction.record': NoteEnregistree;
  'satisfaction.importCsv': RapportEnquete;
}
