// Accounts, sessions and the audit trail.
import { z } from 'zod';
import { DAY_PATTERN, isRealDay } from '../dates';
import type { MethodTable } from '../method-table';
import type { Role } from '../roles';
import { ROLES } from '../roles';

/** What the window knows of its session: enough to choose the screen and the menu. */
export interface SessionInfo {
  /** No account exists yet: the first-start screen asks for the administrator's. */
  setupNeeded: boolean;
  compte: {
    id: number;
    identifiant: string;
    nom: string;
    roles: Role[];
    agentId: number | null;
    via: 'mot_de_passe' | 'pin';
  } | null;
  /** The reception point this installation is bound to, if an administrator chose one. */
  installation: { pointId: number; nom: string } | null;
}

/** An agent of this installation's point who can open a session with a PIN. */
export interface DeskAgent {
  compteId: number;
  nom: string;
}

/** An account as administrators see it: never a hash, only whether a PIN is set. */
export interface CompteSummary {
  id: number;
  identifiant: string;
  nom: string;
  roles: Role[];
  /** The person of the agents' register this account belongs to (for the desk's PIN switch). */
  agent: { id: number; nom: string } | null;
  actif: boolean;
  /** ISO instant until which the account is locked after failures; null when it is not. */
  verrouilleJusqu: string | null;
  /** Failed attempts in a row. */
  echecs: number;
  hasPin: boolean;
  /** ISO instants. */
  creeLe: string;
  derniereConnexion: string | null;
}

/** A person an account can be linked to. */
export interface AgentOption {
  id: number;
  prenom: string;
  nom: string;
  service: string;
  /** The account already linked to this person, if any. */
  compteId: number | null;
}

/** One row of the audit trail, its before and after read back from JSON. */
export interface AuditRow {
  id: number;
  /** ISO instant. */
  horodatage: string;
  compteId: number | null;
  auteur: string;
  action: string;
  objet: string;
  objetId: string | null;
  avant: unknown;
  apres: unknown;
}

const identifiant = z
  .string()
  .trim()
  .min(2, 'l’identifiant compte au moins 2 caractères')
  .max(64)
  .regex(/^[\p{L}\p{N}._@-]+$/u, 'l’identifiant ne contient ni espace ni signe autre que . _ @ -');
const nom = z.string().trim().min(1, 'indiquez le nom').max(120);
const motDePasse = z.string().min(1, 'saisissez le mot de passe').max(200);
/** A new password's least length; the window checks it too, before sending. */
export const PASSWORD_MIN = 10;
const nouveauMotDePasse = z
  .string()
  .min(PASSWORD_MIN, `le mot de passe compte au moins ${PASSWORD_MIN} caractères`)
  .max(200);
const pin = z.string().regex(/^\d{4,8}$/, 'le code PIN compte 4 à 8 chiffres');
const id = z.number().int().positive();
const roles = z.array(z.enum(ROLES, 'rôle inconnu')).min(1, 'cochez au moins un rôle').max(ROLES.length);
const agentId = z.number().int().positive().nullable();
const day = z
  .string()
  .regex(DAY_PATTERN, 'date attendue au format AAAA-MM-JJ')
  .refine(isRealDay, 'cette date n’existe pas');
const filterText = z.string().trim().max(200).optional();

export const accountMethods = {
  'auth.session': { role: 'public', input: z.object({}) },
  'auth.setup': {
    role: 'public',
    input: z.object({ identifiant, nom, motDePasse: nouveauMotDePasse }),
  },
  'auth.login': {
    role: 'public',
    input: z.object({ identifiant: z.string().trim().min(1).max(64), motDePasse }),
  },
  'auth.logout': { role: 'public', input: z.object({}) },
  'auth.deskAgents': { role: 'public', input: z.object({}) },
  'auth.pinLogin': {
    role: 'public',
    input: z.object({ compteId: id, pin }),
  },
  'auth.changePassword': {
    role: 'connecte',
    input: z.object({ actuel: motDePasse, nouveau: nouveauMotDePasse }),
  },

  'comptes.list': { role: 'administrateur', input: z.object({}) },
  'comptes.get': { role: 'administrateur', input: z.object({ id }) },
  'comptes.create': {
    role: 'administrateur',
    input: z.object({
      identifiant,
      nom,
      roles,
      motDePasse: nouveauMotDePasse,
      agentId: agentId.optional(),
      pin: pin.optional(),
    }),
  },
  'comptes.update': {
    role: 'administrateur',
    input: z.object({ id, nom, roles, agentId, actif: z.boolean() }),
  },
  'comptes.setPassword': {
    role: 'administrateur',
    input: z.object({ id, motDePasse: nouveauMotDePasse }),
  },
  'comptes.setPin': { role: 'administrateur', input: z.object({ id, pin: pin.nullable() }) },
  'comptes.unlock': { role: 'administrateur', input: z.object({ id }) },
  'comptes.agentOptions': { role: 'administrateur', input: z.object({}) },

  'audit.list': {
    role: 'administrateur',
    input: z.object({
      objet: filterText,
      action: filterText,
      auteur: filterText,
      du: day.optional(),
      au: day.optional(),
      q: filterText,
      limit: z.number().int().min(1).max(200).default(50),
      offset: z.number().int().min(0).default(0),
    }),
  },
  'audit.facets': { role: 'administrateur', input: z.object({}) },
} as const satisfies MethodTable;

export interface AccountOutputs {
  'auth.session': SessionInfo;
  'auth.setup': SessionInfo;
  'auth.login': SessionInfo;
  'auth.logout': SessionInfo;
  'auth.deskAgents': { point: { id: number; nom: string } | null; agents: DeskAgent[] };
  'auth.pinLogin': SessionInfo;
  'auth.changePassword': SessionInfo;
  'comptes.list': { comptes: CompteSummary[] };
  'comptes.get': CompteSummary;
  'comptes.create': CompteSummary;
  'comptes.update': CompteSummary;
  'comptes.setPassword': CompteSummary;
  'comptes.setPin': CompteSummary;
  'comptes.unlock': CompteSummary;
  'comptes.agentOptions': { agents: AgentOption[] };
  'audit.list': { rows: AuditRow[]; total: number };
  'audit.facets': { objets: string[]; actions: string[]; auteurs: string[] };
}
