// Complaints and suggestions (réclamations et suggestions): received on any channel, acknowledged, assigned to a
// service, answered within the announced delay, closed. The citizen's contact details are personal data: only
// the roles that handle complaints read them, and they are erased after the retention period.
import { z } from 'zod';
import { isEmail } from '../email';
import { day, id, text } from '../fields';
import { JOURNAL_CANAUX } from '../journal/codes';
import type { JournalCanal } from '../journal/codes';
import type { MethodTable } from '../method-table';
import type { Role } from '../roles';

export const TYPES_RECLAMATION = ['reclamation', 'suggestion'] as const;
export type TypeReclamation = (typeof TYPES_RECLAMATION)[number];

export const TYPE_LABELS: Record<TypeReclamation, string> = {
  reclamation: 'Réclamation',
  suggestion: 'Suggestion',
};

/** The steps, in order; each is reached once. */
export const STATUTS_RECLAMATION = ['recue', 'accusee', 'attribuee', 'repondue', 'close'] as const;
export type StatutReclamation = (typeof STATUTS_RECLAMATION)[number];

export const STATUT_LABELS: Record<StatutReclamation, string> = {
  recue: 'Reçue',
  accusee: 'Réception accusée',
  attribuee: 'Attribuée à un service',
  repondue: 'Répondue',
  close: 'Close',
};

/** The roles that handle complaints and alone read the citizen's details (an administrator passes too). */
export const ROLES_RECLAMATIONS: readonly Role[] = ['gestionnaire', 'administrateur'];

/** Announced delays (calendar days) and how long contact details are kept after closing, until changed. */
export const DEFAULT_DELAIS: Record<TypeReclamation, number> = { reclamation: 15, suggestion: 30 };
export const DEFAULT_RETENTION_RECLAMATIONS_MOIS = 12;

export interface CoordonneesUsager {
  nom: string;
  courriel: string;
  telephone: string;
  adresse: string;
}

/** What anyone allowed to see the register sees: codes, days and the service, never the citizen. */
export interface ReclamationResume {
  id: number;
  type: TypeReclamation;
  canal: JournalCanal;
  pointId: number | null;
  pointNom: string | null;
  recueLe: string;
  echeance: string;
  statut: StatutReclamation;
  serviceId: string | null;
  accuseLe: string | null;
  attribueeLe: string | null;
  reponduLe: string | null;
  closeLe: string | null;
  /** Answered on or before the due date; null while not answered. */
  delaiTenu: boolean | null;
  /** Not answered and the due date is past. */
  enRetard: boolean;
  /** The details were erased after the retention period. */
  coordonneesEffacees: boolean;
  /** A corrective action raised from it (its id in the actions' register), if any. */
  actionId: number | null;
}

/** The whole record, for the roles that handle complaints. */
export interface ReclamationVue extends ReclamationResume {
  objet: string;
  reponse: string;
  /** null once erased. */
  coordonnees: CoordonneesUsager | null;
}

export interface ReglagesReclamations {
  /** Announced delay, in calendar days, per type. */
  delais: Record<TypeReclamation, number>;
  /** Months after closing before the citizen's details (and the free texts) are erased. */
  retentionMois: number;
}

export interface RetentionReclamations {
  /** Closed before this day: erased. */
  limite: string;
  effacees: number;
}

const delai = z
  .number({ error: 'indiquez un nombre de jours' })
  .int('indiquez un nombre entier de jours')
  .min(1, 'le délai est d’au moins 1 jour')
  .max(365, 'le délai est d’au plus 365 jours');

const coordonnees = z.object({
  nom: text(200),
  courriel: text(254).refine((v) => v === '' || isEmail(v), 'l’adresse électronique n’est pas valide'),
  telephone: text(40),
  adresse: text(500),
});

export const reclamationMethods = {
  // Anyone receives one at the desk, on the phone or by mail; only the handling roles read it back in full.
  'reclamations.create': {
    role: 'connecte',
    input: z.object({
      type: z.enum(TYPES_RECLAMATION, { error: 'choisissez réclamation ou suggestion' }),
      canal: z.enum(JOURNAL_CANAUX, { error: 'choisissez le canal' }),
      objet: z
        .string()
        .trim()
        .min(1, 'indiquez l’objet de la réclamation ou de la suggestion')
        .max(5000, '5 000 caractères au plus'),
      recueLe: day('la date de réception est une date réelle au format AAAA-MM-JJ').optional(),
      pointId: id.optional(),
      coordonnees,
    }),
  },
  'reclamations.list': {
    role: 'connecte',
    input: z.object({
      statut: z.enum(STATUTS_RECLAMATION).optional(),
      type: z.enum(TYPES_RECLAMATION).optional(),
      enRetard: z.boolean().optional(),
    }),
  },
  'reclamations.get': { role: 'gestionnaire', input: z.object({ id }) },
  'reclamations.acknowledge': {
    role: 'gestionnaire',
    input: z.object({ id, le: day('la date est une date réelle au format AAAA-MM-JJ').optional() }),
  },
  'reclamations.assign': {
    role: 'gestionnaire',
    input: z.object({
      id,
      serviceId: z.string().trim().min(1, 'choisissez le service').max(200),
    }),
  },
  'reclamations.answer': {
    role: 'gestionnaire',
    input: z.object({
      id,
      reponse: z.string().trim().min(1, 'indiquez la réponse faite').max(5000, '5 000 caractères au plus'),
      le: day('la date de réponse est une date réelle au format AAAA-MM-JJ').optional(),
    }),
  },
  'reclamations.close': { role: 'gestionnaire', input: z.object({ id }) },
  'reclamations.raiseAction': { role: 'gestionnaire', input: z.object({ id }) },
  'reclamations.reglages.get': { role: 'gestionnaire', input: z.object({}) },
  'reclamations.reglages.set': {
    role: 'administrateur',
    input: z.object({
      delais: z.object({ reclamation: delai, suggestion: delai }),
      retentionMois: z
        .number({ error: 'indiquez une durée en mois' })
        .int('indiquez un nombre entier de mois')
        .min(1, 'la durée de conservation est d’au moins 1 mois')
        .max(120, 'la durée de conservation est d’au plus 120 mois'),
    }),
  },
} as const satisfies MethodTable;

export interface ReclamationOutputs {
  'reclamations.create': ReclamationResume;
  /** `coordonnees` and the texts only for the roles that handle complaints. */
  'reclamations.list': { reclamations: Array<ReclamationResume | ReclamationVue> };
  'reclamations.get': ReclamationVue;
  'reclamations.acknowledge': ReclamationVue;
  'reclamations.assign': ReclamationVue;
  'reclamations.answer': ReclamationVue;
  'reclamations.close': ReclamationVue;
  'reclamations.raiseAction': ReclamationVue;
  'reclamations.reglages.get': ReglagesReclamations;
  'reclamations.reglages.set': ReglagesReclamations;
}
