// Agents, their assignments to points (affectations) and their CSV import. The field schemas are exported
// because the window validates its forms with the very same rules before sending them.
import { z } from 'zod';
import { isEmail } from '../email';
import { day, id, text } from '../fields';
import type { MethodTable } from '../method-table';
import type { PresenceStatut, TrainingStatus } from '../formations/methods';
import type { PointRef } from '../points/methods';
/** The agents list's training filter: up to date, refresher due (soon or overdue), never trained. */
export const FORMATION_FILTERS = ['a_jour', 'a_recycler', 'non_forme'] as const;

export type FormationFilter = (typeof FORMATION_FILTERS)[number];

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

export const agentMethods = {
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
} as const satisfies MethodTable;

export interface AgentOutputs {
  'agents.list': { agents: AgentSummary[] };
  'agents.get': AgentView;
  'agents.create': AgentView;
  'agents.update': AgentView;
  'agents.importCsv': ImportReport;
  'affectations.add': AgentView;
  'affectations.end': AgentView;
  'affectations.remove': AgentView;
}
