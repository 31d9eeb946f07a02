// The Info'Cité label: points and their label state, decisions, the rule, what needs action, the public register.
import { z } from 'zod';
import { isRealDay } from '../dates';
import { labelSettingsSchema } from './settings';
import type {
  LabelDecision,
  LabelEvaluation,
  LabelPointDetail,
  LabelPointRow,
  LabelSettings,
  LabelStatut,
  LabelTodo,
  RegisterRow,
} from './types';
import type { TrainingType } from '../formations/methods';
import { LABEL_ACTIONS, LABEL_STATUTS } from './types';
import type { MethodTable } from '../method-table';
import { POINT_ENTITES } from '../points/methods';

const pointId = z.number({ error: 'indiquez le point d’accueil' }).int().positive();
const day = z
  .string()
  .refine(isRealDay, 'la date est une date réelle au format AAAA-MM-JJ (par exemple 2026-11-23)');

export const labelMethods = {
  'label.points': {
    role: 'gestionnaire',
    input: z.object({
      q: z.string().trim().max(200).optional(),
      entite: z.enum(POINT_ENTITES, { error: 'entité inconnue' }).optional(),
      statut: z.enum(LABEL_STATUTS, { error: 'état du label inconnu' }).optional(),
      expireDansJours: z.number().int().min(0, 'le délai est positif').max(3650).optional(),
      aRegulariser: z.boolean().optional(),
    }),
  },
  'label.point': { role: 'gestionnaire', input: z.object({ id: pointId }) },
  'label.evaluate': { role: 'gestionnaire', input: z.object({ pointId, date: day.optional() }) },
  'label.decide': {
    role: 'gestionnaire',
    input: z.object({
      pointId,
      action: z.enum(LABEL_ACTIONS, { error: 'décision inconnue' }),
      date: day.optional(),
      motif: z.string().trim().max(2000, 'le motif compte au plus 2 000 caractères').optional(),
    }),
  },
  'label.todo': { role: 'gestionnaire', input: z.object({}) },
  'label.register': { role: 'connecte', input: z.object({}) },
  'label.registerCsv': { role: 'connecte', input: z.object({}) },
  'label.settings.get': { role: 'connecte', input: z.object({}) },
  'label.settings.set': { role: 'gestionnaire', input: labelSettingsSchema },
} as const satisfies MethodTable;

export interface LabelOutputs {
  'label.points': {
    points: LabelPointRow[];
    total: number;
    parStatut: Record<LabelStatut, number>;
    aujourdhui: string;
  };
  'label.point': LabelPointDetail;
  'label.evaluate': LabelEvaluation;
  'label.decide': LabelDecision;
  'label.todo': LabelTodo;
  'label.register': { aujourdhui: string; points: RegisterRow[] };
  'label.registerCsv': { filename: string; csv: string };
  'label.settings.get': { reglage: LabelSettings; typesFormation: TrainingType[] };
  'label.settings.set': { reglage: LabelSettings; typesFormation: TrainingType[] };
}
