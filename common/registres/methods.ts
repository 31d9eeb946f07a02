// The registries: reception points, agents and their assignments, training types, sessions and attendance,
// refreshers due, and the agents' CSV import. The field schemas are exported because the window validates
// its forms with the very same rules before sending them (one set of French messages, no copy to drift).
import { z } from 'zod';
import { isEmail } from '../email';
import { isRealDay } from '../dates';
import type { MethodTable } from '../method-table';

export const POINT_ENTITES = ['ville', 'metropole', 'ccas', 'autre'] as const;
export type PointEntite = (typeof POINT_ENTITES)[number];

export const POINT_TYPES = ['physique', 'telephonique', 'mixte', 'numerique'] as const;
export type PointType = (typeof POINT_TYPES)[number];

export const PRESENCE_STATUTS = ['inscrit', 'present', 'absent'] as const;
export type PresenceStatut = (typeof PRESENCE_STATUTS)[number];

/** The agents list's training filter: up to date, refresher due (soon or overdue), never trained. */
export const FORMATION_FILTERS = ['a_jour', 'a_recycler', 'non_forme'] as const;
export type FormationFilter = (typeof FORMATION_FILTERS)[number];

/** Where an agent stands for one type of training, on a given day. */
export type TrainingState = 'a_jour' | 'a_recycler' | 'expiree' | 'jamais';

export interface PointRef {
  id: number;
  code: string;
  nom: string;
}

export interface PointSummary extends PointRef {
  entite: PointEntite;
  type: PointType;
  commune: string;
  ouvert: boolean;
}

export interface PointRecord extends PointSummary {
  voie: string;
  complement: string;
  code_postal: string;
  horaires: string;
  contact_id: string | null;
  cree_le: string;
}

export interface PointView extends PointRecord {
  /** The knowledge base's contact describing the point; `nom` null when it has left the content since. */
  contact: { id: string; nom: string | null } | null;
}

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

export interface AgentIdentity {
  id: number;
  nom: string;
  prenom: string;
  service: string;
  courriel: string | null;
  actif: boolean;
}

export interface AgentSummary extends AgentIdentity {
  /** The points the agent is assigned to today. */
  points: PointRef[];
  /** The Info'Cité training (utilisation de la base), the one the label counts. */
  infocite: TrainingStatus;
}

export interface AssignmentView {
  id: number;
  point: PointRef & { ouvert: boolean };
  debut: string;
  fin: string | null;
  /** Running today. */
  enCours: boolean;
}

export interface AttendanceView {
  sessionId: number;
  type: string;
  typeLibelle: string;
  date: string;
  formateur: string;
  lieu: string;
  statut: PresenceStatut;
}

export interface AgentTraining extends TrainingStatus {
  type: string;
  libelle: string;
  validiteMois: number | null;
}

export interface AgentView extends AgentIdentity {
  cree_le: string;
  affectations: AssignmentView[];
  presences: AttendanceView[];
  /** One entry per training type, in the types' order. */
  formations: AgentTraining[];
}

export interface TrainingType {
  code: string;
  libelle: string;
  /** Null: the training never expires. */
  validiteMois: number | null;
  ordre: number;
}

export interface SessionSummary {
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

export interface SessionView extends SessionSummary {
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

export interface RejectedLine {
  /** Line in the file, the header being line 1. */
  line: number;
  raw: string;
  reasons: string[];
}

export interface ImportReport {
  dryRun: boolean;
  /** Data lines read (blank lines aside). */
  total: number;
  created: number;
  updated: number;
  /** Existing agents the file matched with nothing to change. */
  unchanged: number;
  /** New assignments. */
  assignments: number;
  rejected: RejectedLine[];
  /** Header columns Info'Cité does not know, ignored. */
  ignoredColumns: string[];
}

const id = z.number().int().positive();
const day = (message: string) => z.string().refine(isRealDay, message);
const text = (max: number) => z.string().trim().max(max, `${max} caractères au plus`);

/** A reception point's fields, as the form sends them. */
export const pointFields = z.object({
  code: z
    .string()
    .trim()
    .min(1, 'indiquez un code court (par exemple mairie-centre)')
    .max(64, '64 caractères au plus')
    .regex(
      /^[a-zA-Z0-9][a-zA-Z0-9_-]*$/,
      'le code ne contient que des lettres sans accent, chiffres, - et _',
    ),
  nom: z.string().trim().min(1, 'indiquez le nom du point').max(200, '200 caractères au plus'),
  entite: z.enum(POINT_ENTITES, { error: 'choisissez l’entité' }),
  type: z.enum(POINT_TYPES, { error: 'choisissez le type d’accueil' }),
  voie: text(200),
  complement: text(200),
  code_postal: z
    .string()
    .trim()
    .regex(/^(\d{5})?$/, 'le code postal compte 5 chiffres'),
  commune: text(120),
  horaires: text(2000),
  contact_id: z
    .string()
    .trim()
    .max(200)
    .nullable()
    .transform((value) => (value ? value : null)),
  ouvert: z.boolean(),
});
export type PointFields = z.output<typeof pointFields>;

/** An agent's fields, as the form sends them. */
export const agentFields = z.object({
  nom: z.string().trim().min(1, 'indiquez le nom').max(120, '120 caractères au plus'),
  prenom: z.string().trim().min(1, 'indiquez le prénom').max(120, '120 caractères au plus'),
  service: text(200),
  courriel: z
    .string()
    .trim()
    .max(254, '254 caractères au plus')
    .refine((value) => value === '' || isEmail(value), 'adresse de courriel invalide (nom@domaine.fr)')
    .optional()
    .transform((value) => (value ? value : null)),
  actif: z.boolean(),
});
export type AgentFields = z.output<typeof agentFields>;

/** A training session's fields, as the form sends them. */
export const sessionFields = z.object({
  type: z.string().trim().min(1, 'choisissez le type de formation').max(64),
  date: day('indiquez une date réelle (AAAA-MM-JJ)'),
  formateur: text(200),
  lieu: text(200),
});
export type SessionFields = z.output<typeof sessionFields>;

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

export const assignmentFields = z
  .object({
    agentId: id,
    pointId: z.number({ error: 'choisissez le point d’accueil' }).int().positive(),
    debut: day('indiquez la date de début (AAAA-MM-JJ)'),
    fin: day('indiquez une date de fin réelle (AAAA-MM-JJ)').nullable().optional(),
  })
  .refine((value) => !value.fin || value.fin >= value.debut, {
    message: 'la fin ne peut précéder le début',
    path: ['fin'],
  });

/** The largest CSV accepted: far above a few thousand agents. */
export const MAX_CSV_CHARS = 5_000_000;

export const registryMethods = {
  'points.list': {
    role: 'gestionnaire',
    input: z.object({
      q: z.string().max(200).optional(),
      entite: z.enum(POINT_ENTITES).optional(),
      ouvert: z.boolean().optional(),
    }),
  },
  'points.get': { role: 'gestionnaire', input: z.object({ id }) },
  'points.create': { role: 'gestionnaire', input: pointFields },
  'points.update': { role: 'gestionnaire', input: pointFields.extend({ id }) },

  'agents.list': {
    role: 'gestionnaire',
    input: z.object({
      q: z.string().max(200).optional(),
      pointId: id.optional(),
      formation: z.enum(FORMATION_FILTERS).optional(),
      actif: z.boolean().optional(),
    }),
  },
  'agents.get': { role: 'gestionnaire', input: z.object({ id }) },
  'agents.create': { role: 'gestionnaire', input: agentFields },
  'agents.update': { role: 'gestionnaire', input: agentFields.extend({ id }) },
  'agents.importCsv': {
    role: 'gestionnaire',
    input: z.object({
      csv: z.string().max(MAX_CSV_CHARS, 'le fichier dépasse 5 millions de caractères'),
      dryRun: z.boolean(),
    }),
  },

  'affectations.add': { role: 'gestionnaire', input: assignmentFields },
  'affectations.end': {
    role: 'gestionnaire',
    input: z.object({ id, fin: day('indiquez la date de fin (AAAA-MM-JJ)') }),
  },
  'affectations.remove': { role: 'gestionnaire', input: z.object({ id }) },

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
  'formations.create': { role: 'gestionnaire', input: sessionFields },
  'formations.update': { role: 'gestionnaire', input: sessionFields.extend({ id }) },
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

export interface RegistryOutputs {
  'points.list': { points: PointSummary[] };
  'points.get': PointView;
  'points.create': PointView;
  'points.update': PointView;
  'agents.list': { agents: AgentSummary[] };
  'agents.get': AgentView;
  'agents.create': AgentView;
  'agents.update': AgentView;
  'agents.importCsv': ImportReport;
  'affectations.add': AgentView;
  'affectations.end': AgentView;
  'affectations.remove': AgentView;
  'formations.types': { types: TrainingType[] };
  'formations.types.update': { types: TrainingType[] };
  'formations.list': { sessions: SessionSummary[] };
  'formations.get': SessionView;
  'formations.create': SessionView;
  'formations.update': SessionView;
  'formations.attendance': SessionView;
  'formations.refreshers': { today: string; withinDays: number; rows: RefresherRow[] };
}
