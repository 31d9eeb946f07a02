// Corrective actions: listed, created (from a finding, a complaint, a content gap, the annual review, or by
// hand) and followed by the label managers. The field schemas are exported for the window's forms.
import { z } from 'zod';
import { day, id, text } from '../fields';
import type { MethodTable } from '../method-table';
import type { CorrectiveAction } from './types';
import { ACTION_ORIGINES, ACTION_STATUTS } from './types';

/** What a person types for an action, on creation and on every change. */
export const actionFields = z.object({
  quoi: z.string().trim().min(1, 'décrivez l’action').max(2000, '2 000 caractères au plus'),
  responsable: text(200),
  echeance: day('indiquez une échéance réelle (AAAA-MM-JJ)'),
  indicateur: text(500),
  preuve: text(2000),
});

/** An action as changed: its fields and its state; « faite » needs its evidence. */
export const actionStateFields = actionFields.extend({
  statut: z.enum(ACTION_STATUTS, { error: 'état inconnu' }),
});

/** « Faite » needs the evidence of what was done, said next to that field. */
export function needsEvidence<S extends z.ZodType<{ statut: string; preuve: string }>>(schema: S) {
  return schema.refine((value) => value.statut !== 'faite' || value.preuve !== '', {
    path: ['preuve'],
    message: 'indiquez la preuve de réalisation pour passer l’action à « Faite »',
  });
}

export const actionCreateFields = actionFields.extend({
  origine: z.enum(ACTION_ORIGINES, { error: 'origine inconnue' }),
  origineId: z.string().trim().max(200).optional(),
  pointId: id.optional(),
});

export const actionMethods = {
  'actions.list': {
    role: 'gestionnaire',
    input: z.object({
      statut: z.enum(ACTION_STATUTS, { error: 'état inconnu' }).optional(),
      enRetard: z.boolean().optional(),
      ouvertes: z.boolean().optional(),
      pointId: id.optional(),
      origine: z.enum(ACTION_ORIGINES, { error: 'origine inconnue' }).optional(),
    }),
  },
  'actions.get': { role: 'gestionnaire', input: z.object({ id }) },
  'actions.create': { role: 'gestionnaire', input: actionCreateFields },
  'actions.update': { role: 'gestionnaire', input: needsEvidence(actionStateFields.extend({ id })) },
} as const satisfies MethodTable;

export interface ActionOutputs {
  'actions.list': { aujourdhui: string; actions: CorrectiveAction[] };
  'actions.get': CorrectiveAction;
  'actions.create': CorrectiveAction;
  'actions.update': CorrectiveAction;
}
