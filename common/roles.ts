// Who may call what. Import-free, so that every method table can use it at load time.

export const ROLES = ['agent', 'redacteur', 'gestionnaire', 'administrateur'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  agent: "Agent d'accueil",
  redacteur: 'Rédacteur',
  gestionnaire: 'Gestionnaire du label',
  administrateur: 'Administrateur',
};

/**
 * What a method needs: `public` (no session: first start, login), `connecte` (any open session), a role, any
 * one of several roles (a list: flash info is written by editors and label managers alike), or `poste` (an
 * enrolled desk's own credential, checked by the transport: no person's session grants it). An administrator
 * passes every role check.
 */
export type Access = Role | readonly Role[] | 'public' | 'connecte' | 'poste';

/**
 * Whether someone may use what needs `access`, holding `roles` (null: nobody is logged in). The one rule the
 * core enforces at every call and the window follows to show only what one may use.
 */
export function grants(roles: readonly Role[] | null, access: Access): boolean {
  if (access === 'public') return true;
  if (access === 'poste') return false;
  if (roles === null) return false;
  if (access === 'connecte') return true;
  if (roles.includes('administrateur')) return true;
  return typeof access === 'string' ? roles.includes(access) : access.some((role) => roles.includes(role));
}
