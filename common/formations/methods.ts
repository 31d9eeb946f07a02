// Formations: training types, sessions and attendance, refreshers due, and where an agent stands for each
// type. The field schemas are exported because the window validates its forms with the very same rules.
import { z } from 'zod';
import { day, id, text } from '../fields';
import type { MethodTable } from '../method-table';
import type { AgentIdentity } from '../agents/methods';
import type { PointRef } from '../points/methods';
export const PRESENCE_STATUTS = ['inscrit', 'present', 'absent'] as const;

export type PresenceStatut = (typeof PRESENCE_STATUTS)[number];

/** Where an agent stands for one type of training, on a given day. */
export type TrainingState = 'a_jour' | 'a_recycler' | 'expiree' | 'jamais';

export interface TrainingStatus {
  etat: TrainingState;
  /** Day of the latest session attended (present), if any. */
  derniere: string | null;
  /** Last day it counts; null when it never expires or was never attended. */
  valideJusquau: string | null;
  /** The day after `valideJusquau`: when the refresher is due. */
  recyclageLe: string | null;
  /** Days from today to `valideJusquau`, negative once expired. */
  joursRestants: number | null;
}

export interface TrainingType {
  code: string;
  libelle: string;
  /** Null: the training never expires. */
  validiteMois: number | null;
  ordre: number;
}

export interface FormationSummary {
  id: number;
  type: string;
  typeLibelle: string;
  date: string;
  formateur: string;
  lieu: string;
  /** Attendance counts by status. */
  inscrits: number;
  presents: number;
  absents: number;
  /** After today: nobody can be marked present yet. */
  aVenir: boolean;
}

export interface Participant {
  agentId: number;
  nom: string;
  prenom: string;
  service: string;
  actif: boolean;
  statut: PresenceStatut;
}

export interface FormationView extends FormationSummary {
  participants: Participant[];
}

export interface RefresherRow {
  agent: Pick<AgentIdentity, 'id' | 'nom' | 'prenom' | 'service'>;
  type: { code: string; libelle: string };
  derniere: string;
  valideJusquau: string;
  recyclageLe: string;
  joursRestants: number;
  etat: 'expiree' | 'a_recycler';
  points: PointRef[];
}

/** A training session's fields, as the form sends them. */
export const formationFields = z.object({
  type: z.string().trim().min(1, 'choisissez le type de formation').max(64),
  date: day('indiquez une date réelle (AAAA-MM-JJ)'),
  formateur: text(200),
  lieu: text(200),
});

export type FormationFields = z.output<typeof formationFields>;

export const trainingTypeFields = z.object({
  code: z.string().min(1).max(64),
  libelle: z.string().trim().min(1, 'indiquez le libellé').max(200, '200 caractères au plus'),
  validiteMois: z
    .number({ error: 'indiquez une durée en mois, ou aucune' })
    .int('un nombre entier de mois')
    .min(1, 'au moins 1 mois')
    .max(240, '240 mois au plus')
    .nullable(),
});

export const formationMethods = {
  'formations.types': { role: 'connecte', input: z.object({}) },
  'formations.types.update': { role: 'gestionnaire', input: trainingTypeFields },
  'formations.list': {
    role: 'gestionnaire',
    input: z.object({
      type: z.string().max(64).optional(),
      du: day('date de début de période invalide (AAAA-MM-JJ)').optional(),
      au: day('date de fin de période invalide (AAAA-MM-JJ)').optional(),
    }),
  },
  'formations.get': { role: 'gestionnaire', input: z.object({ id }) },
  'formations.create': { role: 'gestionnaire', input: formationFields },
  'formations.update': { role: 'gestionnaire', input: formationFields.extend({ id }) },
  'formations.attendance': {
    role: 'gestionnaire',
    input: z.object({
      sessionId: id,
      entries: z.array(z.object({ agentId: id, statut: z.enum(PRESENCE_STATUTS) })).max(2000),
    }),
  },
  'formations.refreshers': {
    role: 'gestionnaire',
    input: z.object({ withinDays: z.number().int().min(0).max(3650).default(90) }),
  },
} as const satisfies MethodTable;

export interface FormationOutputs {
  'formations.types': { types: TrainingType[] };
  'formations.types.update': { types: TrainingType[] };
  'formations.list': { sessions: FormationSummary[] };
  'formations.get': FormationView;
  'formations.create': FormationView;
  'formations.update': FormationView;
  'formations.attendance': FormationView;
  'formations.refreshers': { today: string; withinDays: number; rows: RefresherRow[] };
}
