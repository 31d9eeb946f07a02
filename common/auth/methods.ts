// Sessions: first start, login with a password, the desk's PIN switch, logout, change of one's own password.
import { z } from 'zod';
import type { MethodTable } from '../method-table';
import type { Role } from '../roles';
import { identifiant, motDePasse, nom, nouveauMotDePasse, pin } from '../comptes/methods';

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

const id = z.number().int().positive();

export const authMethods = {
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
} as const satisfies MethodTable;

export interface AuthOutputs {
  'auth.session': SessionInfo;
  'auth.setup': SessionInfo;
  'auth.login': SessionInfo;
  'auth.logout': SessionInfo;
  'auth.deskAgents': { point: { id: number; nom: string } | null; agents: DeskAgent[] };
  'auth.pinLogin': SessionInfo;
  'auth.changePassword': SessionInfo;
}
