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
 * What a method needs: `public` (no session: first start, login), `connecte` (any open session), or a role.
 * An administrator passes every role check.
 */
export type Access = Role | 'public' | 'connecte';
