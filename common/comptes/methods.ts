// Accounts as administrators keep them, and the field schemas that the login and account forms check too.
import { z } from 'zod';
import type { MethodTable } from '../method-table';
import type { Role } from '../roles';
import { ROLES } from '../roles';

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

export const identifiant = z
  .string()
  .trim()
  .min(2, 'l’identifiant compte au moins 2 caractères')
  .max(64)
  .regex(/^[\p{L}\p{N}._@-]+$/u, 'l’identifiant ne contient ni espace ni signe autre que . _ @ -');
export const nom = z.string().trim().min(1, 'indiquez le nom').max(120);
export const motDePasse = z.string().min(1, 'saisissez le mot de passe').max(200);
/** A new password's least length; the window checks it too, before sending. */
export const PASSWORD_MIN = 10;
export const nouveauMotDePasse = z
  .string()
  .min(PASSWORD_MIN, `le mot de passe compte au moins ${PASSWORD_MIN} caractères`)
  .max(200);
export const pin = z.string().regex(/^\d{4,8}$/, 'le code PIN compte 4 à 8 chiffres');
const id = z.number().int().positive();
export const roles = z
  .array(z.enum(ROLES, 'rôle inconnu'))
  .min(1, 'cochez au moins un rôle')
  .max(ROLES.length);
const agentId = z.number().int().positive().nullable();

export const compteMethods = {
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
} as const satisfies MethodTable;

export interface CompteOutputs {
  'comptes.list': { comptes: CompteSummary[] };
  'comptes.get': CompteSummary;
  'comptes.create': CompteSummary;
  'comptes.update': CompteSummary;
  'comptes.setPassword': CompteSummary;
  'comptes.setPin': CompteSummary;
  'comptes.unlock': CompteSummary;
  'comptes.agentOptions': { agents: AgentOption[] };
}
