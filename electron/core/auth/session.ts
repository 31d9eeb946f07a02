// Who is calling: what the dispatcher checks each method's role against.
import type { Role } from '../../../common/contract';
import type { Actor } from '../audit/record';

export interface Session {
  roles: Role[];
  /** Absent for an anonymous caller (before login, or the first-start screen). */
  compte?: { id: number; identifiant: string; nom: string; agentId: number | null };
  /** How the session was opened: a PIN at a shared desk opens fewer doors than a password. */
  via?: 'mot_de_passe' | 'pin';
}

export const ANONYMOUS: Session = { roles: [] };

/**
 * What a transport keeps for one window or browser: the token of its session, if any. Login and logout
 * handlers change it; the token never reaches the window's JavaScript.
 */
export interface ClientSlot {
  token: string | null;
}

/** The author of a change, for the audit trail. */
export function actorOf(session: Session): Actor {
  if (!session.compte) throw new Error('a change needs an authenticated session');
  return { compteId: session.compte.id, identifiant: session.compte.identifiant };
}
