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
  'actions.update': {
    role: 'gestionnaire',
    input: actionFields.extend({ id, statut: z.enum(ACTION_STATUTS, { error: 'état inconnu' }) }),
  },
} as const satisfies MethodTable;

export interface ActionOutputs {
  'actions.list': { aujourdhui: string; actions: CorrectiveAction[] };
  'actions.get': CorrectiveAction;
  'actions.create': CorrectiveAction;
  'actions.update': CorrectiveAction;
}
