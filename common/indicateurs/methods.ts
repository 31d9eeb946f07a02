// The indicators: the dashboard and its CSV tables, the objectives, the annual review.
import { z } from 'zod';
import { isRealDay } from '../dates';
import { dayCount } from './periods';
import type { Bilan, FichierCsv, Objectif, PlanBilan, Tableau } from './types';
import { TABLES_TABLEAU } from './types';
import { GRANULARITES, INDICATEURS, SENS_OBJECTIF } from './codes';
import { JOURNAL_CANAUX } from '../journal/codes';
import type { MethodTable } from '../method-table';
import { POINT_ENTITES } from '../points/methods';

/** A dashboard may span ten years; by day, that is still only 3,653 periods. */
const MAX_DAYS = 3653;

const day = (what: string) =>
  z
    .string({ error: `indiquez la date ${what}` })
    .refine(isRealDay, `la date ${what} est une date réelle au format AAAA-MM-JJ (par exemple 2025-01-31)`);

const filterShape = {
  du: day('de début'),
  au: day('de fin'),
  entite: z.enum(POINT_ENTITES, { error: 'entité inconnue' }).optional(),
  pointId: z.number({ error: 'indiquez le point d’accueil' }).int().positive().optional(),
  posteId: z.number({ error: 'indiquez le poste' }).int().positive().optional(),
  canal: z.enum(JOURNAL_CANAUX, { error: 'canal inconnu' }).optional(),
  granularite: z.enum(GRANULARITES, { error: 'choisissez jour, semaine ou mois' }),
};

const bothDays = (f: { du: string; au: string }) => isRealDay(f.du) && isRealDay(f.au);
const isOrdered = (f: { du: string; au: string }) => !bothDays(f) || f.du <= f.au;
const isBounded = (f: { du: string; au: string }) => !bothDays(f) || dayCount(f.du, f.au) <= MAX_DAYS;
const ORDER_ERROR = 'la date de fin est avant la date de début';
const LENGTH_ERROR = 'la période couvre au plus dix ans';

const indicateur = z.enum(INDICATEURS, { error: 'indicateur inconnu' });

const annee = z
  .number({ error: 'indiquez l’année' })
  .int('l’année est un nombre entier')
  .min(2000, 'l’année est comprise entre 2000 et 2100')
  .max(2100, 'l’année est comprise entre 2000 et 2100');

const planText = (what: string, max: number) =>
  z
    .string({ error: `indiquez ${what}` })
    .max(max, `${what} tient en ${max.toLocaleString('fr-FR')} caractères au plus`);

/** One line of the action plan; every field may stay empty while the plan is drafted. */
export const actionPlanSchema = z.object({
  constat: planText('le constat', 1000),
  action: planText('l’action', 1000),
  responsable: planText('le responsable', 200),
  echeance: z
    .string()
    .refine(
      (value) => value.trim() === '' || isRealDay(value.trim()),
      'l’échéance est une date réelle au format AAAA-MM-JJ (par exemple 2027-03-31)',
    ),
  suivi: planText('l’indicateur de suivi', 1000),
});

export const indicateurMethods = {
  'indicateurs.tableau': {
    role: 'gestionnaire',
    input: z
      .object({ ...filterShape, limite: z.number().int().min(1).max(500).optional() })
      .refine(isOrdered, { message: ORDER_ERROR, path: ['au'] })
      .refine(isBounded, { message: LENGTH_ERROR, path: ['au'] }),
  },
  'indicateurs.csv': {
    role: 'gestionnaire',
    input: z
      .object({ ...filterShape, table: z.enum(TABLES_TABLEAU, { error: 'tableau inconnu' }) })
      .refine(isOrdered, { message: ORDER_ERROR, path: ['au'] })
      .refine(isBounded, { message: LENGTH_ERROR, path: ['au'] }),
  },
  /** The city's desks, to filter the dashboard by desk. */
  'indicateurs.postes': { role: 'gestionnaire', input: z.object({}) },
  'objectifs.list': { role: 'gestionnaire', input: z.object({}) },
  'objectifs.set': {
    role: 'gestionnaire',
    input: z.object({
      indicateur,
      cible: z
        .number({ error: 'indiquez la cible' })
        .min(0, 'la cible est positive')
        .max(1_000_000, 'la cible est au plus de 1 000 000'),
      sens: z.enum(SENS_OBJECTIF, { error: 'choisissez « au moins » ou « au plus »' }),
      marge: z
        .number({ error: 'indiquez la marge' })
        .min(0, 'la marge est positive')
        .max(1_000_000, 'la marge est au plus de 1 000 000'),
    }),
  },
  'objectifs.remove': { role: 'gestionnaire', input: z.object({ indicateur }) },
  'bilan.annuel': { role: 'gestionnaire', input: z.object({ annee }) },
  'bilan.csv': { role: 'gestionnaire', input: z.object({ annee }) },
  'bilan.plan.get': { role: 'gestionnaire', input: z.object({ annee }) },
  'bilan.plan.set': {
    role: 'gestionnaire',
    input: z.object({
      annee,
      texte: planText('le texte du plan', 20_000),
      actions: z.array(actionPlanSchema).max(100, 'le plan compte au plus 100 actions'),
    }),
  },
} as const satisfies MethodTable;

export interface IndicateurOutputs {
  'indicateurs.tableau': Tableau;
  'indicateurs.csv': FichierCsv;
  'indicateurs.postes': { postes: Array<{ id: number; nom: string; pointId: number }> };
  'objectifs.list': { objectifs: Objectif[] };
  'objectifs.set': Objectif;
  'objectifs.remove': { objectifs: Objectif[] };
  'bilan.annuel': Bilan;
  'bilan.csv': FichierCsv;
  'bilan.plan.get': PlanBilan;
  'bilan.plan.set': PlanBilan;
}
