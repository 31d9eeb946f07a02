// The window's session: who is logged in, with which roles. The core enforces every role; the window only
// uses them to show what the person may do.
import { createContext, useContext } from 'react';
import type { SessionInfo } from '../../../../common/auth/methods';
import type { Role } from '../../../../common/roles';
import { grants } from '../../../../common/roles';

export interface SessionState {
  info: SessionInfo;
  /** After a login, a logout or an agent switch: the core's answer becomes the window's session. */
  setInfo(info: SessionInfo): void;
}

export const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside of a session');
  return state;
}

/** Whether the session holds a role; an administrator holds them all. */
export function hasRole(info: SessionInfo, role: Role): boolean {
  return grants(info.compte?.roles ?? null, role);
}

/** Fired by the API client when the core says the session has ended (idle, account closed). */
export const SESSION_ENDED_EVENT = 'infocite:session-ended';
