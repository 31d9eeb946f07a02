// Who is calling an internal audit's methods, as the core sees it: label managers run every audit; the agent
// named auditor fills the audits they are named on, and nobody else does — decided here, not by the window.
import type { Actor } from '../audit/record';
import { ForbiddenError } from '../errors';

export interface Caller {
  actor: Actor;
  /** The agent the caller's account is linked to, if any. */
  agentId: number | null;
  /** Holds the gestionnaire role (or is an administrator). */
  gestionnaire: boolean;
}

export function requireGestionnaire(caller: Caller): void {
  if (!caller.gestionnaire) throw new ForbiddenError('Seul un gestionnaire du label peut faire cela.');
}

/** May read the audit: a label manager, or its auditor. */
export function mayRead(caller: Caller, auditeurId: number): boolean {
  return caller.gestionnaire || (caller.agentId !== null && caller.agentId === auditeurId);
}
