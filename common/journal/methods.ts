// The orientation log: one keystroke per contact at the desk, the agent's corrections of the day, the desk's
// settled searches (for the content-gap report), and the retention period.
import { z } from 'zod';
import { ISSUES, JOURNAL_CANAUX, MAX_FICHES, MOTIFS } from './codes';
import type { JournalEntry, RetentionResult } from './types';
import type { MethodTable } from '../method-table';

const codeId = z.string().trim().min(1).max(200);
const issue = z.enum(ISSUES, { error: 'choisissez l’issue du contact' });
const canal = z.enum(JOURNAL_CANAUX, { error: 'choisissez un canal parmi ceux proposés' });
const motif = z.enum(MOTIFS, { error: 'choisissez un motif parmi ceux proposés' });
const entryId = z.number({ error: 'indiquez le contact' }).int().positive();

export const journalMethods = {
  'journal.record': {
    role: 'agent',
    input: z.object({
      issue,
      canal: canal.optional(),
      serviceId: codeId.optional(),
      motif: motif.optional(),
      theme: codeId.optional(),
      fiches: z
        .array(codeId)
        .max(MAX_FICHES, `au plus ${MAX_FICHES} fiches consultées sont gardées pour un contact`),
      debut: z.iso
        .datetime({ offset: true, error: 'le début du contact n’est pas un instant ISO' })
        .optional(),
      rechercheIds: z.array(z.number().int().positive()).max(100).optional(),
    }),
  },
  'journal.cancel': { role: 'agent', input: z.object({ id: entryId }) },
  'journal.update': {
    role: 'agent',
    input: z.object({
      id: entryId,
      issue,
      canal,
      serviceId: codeId.optional(),
      motif: motif.optional(),
      theme: codeId.optional(),
    }),
  },
  'journal.mine': { role: 'agent', input: z.object({}) },
  'journal.recordSearch': {
    role: 'agent',
    input: z.object({
      q: z.string().trim().min(1, 'la recherche est vide').max(2000),
      resultats: z.number().int().min(0),
    }),
  },
  'journal.retention.get': { role: 'administrateur', input: z.object({}) },
  'journal.retention.set': {
    role: 'administrateur',
    input: z.object({
      mois: z
        .number({ error: 'indiquez une durée en mois' })
        .int('indiquez un nombre entier de mois')
        .min(1, 'la durée de conservation est d’au moins 1 mois')
        .max(120, 'la durée de conservation est d’au plus 120 mois'),
    }),
  },
  'journal.retention.run': { role: 'administrateur', input: z.object({}) },
} as const satisfies MethodTable;

export interface JournalOutputs {
  'journal.record': JournalEntry;
  'journal.cancel': { id: number };
  'journal.update': JournalEntry;
  'journal.mine': { jour: string; entries: JournalEntry[] };
  'journal.recordSearch': { id: number };
  'journal.retention.get': { mois: number };
  'journal.retention.set': { mois: number };
  'journal.retention.run': RetentionResult;
}
