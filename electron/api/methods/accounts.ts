// Accounts, sessions and the audit trail.
import { z } from 'zod';
import type { MethodTable } from '../method-table';
import type { Role } from '../roles';

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

const identifiant = z
  .string()
  .trim()
  .min(2, 'l’identifiant compte au moins 2 caractères')
  .max(64)
  .regex(/^[\p{L}\p{N}._@-]+$/u, 'l’identifiant ne contient ni espace ni signe autre que . _ @ -');
const motDePasse = z.string().min(1, 'saisissez le mot de passe').max(200);

export const accountMethods = {
  'auth.session': { role: 'public', input: z.object({}) },
  'auth.setup': {
    role: 'public',
    input: z.object({
      identifiant,
      nom: z.string().trim().min(1, 'indiquez le nom').max(120),
      motDePasse: z.string().min(10, 'le mot de passe compte au moins 10 caractères').max(200),
    }),
  },
  'auth.login': {
    role: 'public',
    input: z.object({ identifiant: z.string().trim().min(1).max(64), motDePasse }),
  },
  'auth.logout': { role: 'public', input: z.object({}) },
  'auth.deskAgents': { role: 'public', input: z.object({}) },
  'auth.pinLogin': {
    role: 'public',
    input: z.object({
      compteId: z.number().int().positive(),
      pin: z.string().regex(/^\d{4,8}$/, 'le code PIN compte 4 à 8 chiffres'),
    }),
  },
} as const satisfies MethodTable;

export interface AccountOutputs {
  'auth.session': SessionInfo;
  'auth.setup': SessionInfo;
  'auth.login': SessionInfo;
  'auth.logout': SessionInfo;
  'auth.deskAgents': { point: { id: number; nom: string } | null; agents: DeskAgent[] };
  'auth.pinLogin': SessionInfo;
}
