// The accounts the end-to-end tests log in with (seeded by seed-accounts.ts). Test data only: these
// passwords exist nowhere but in the throw-away database of the e2e server.
import type { Role } from '../common/roles';

export type E2eWho = 'admin' | 'gestion' | 'agent' | 'redac';

export interface E2eAccount {
  identifiant: string;
  nom: string;
  motDePasse: string;
  roles: Role[];
  /** The desk PIN of an account whose person is assigned to the installation's point. */
  pin?: string;
  /** That person, in the agents' register. */
  personne?: { prenom: string; nom: string };
}

export const E2E_ACCOUNTS: Record<E2eWho, E2eAccount> = {
  admin: {
    identifiant: 'admin',
    nom: 'Adèle Administratrice',
    motDePasse: 'admin-e2e-secret',
    roles: ['administrateur'],
  },
  gestion: {
    identifiant: 'gestion',
    nom: 'Gaspard Gestionnaire',
    motDePasse: 'gestion-e2e-secret',
    roles: ['agent', 'gestionnaire'],
  },
  agent: {
    identifiant: 'agent',
    nom: 'Agathe Accueil',
    motDePasse: 'agent-e2e-secret',
    roles: ['agent'],
    pin: '4821',
    personne: { prenom: 'Agathe', nom: 'Accueil' },
  },
  redac: {
    identifiant: 'redac',
    nom: 'Rémi Rédacteur',
    motDePasse: 'redac-e2e-secret',
    roles: ['agent', 'redacteur'],
    pin: '7350',
    personne: { prenom: 'Rémi', nom: 'Rédacteur' },
  },
};

/** The code of the reception point the seed creates when no point exists yet. */
export const E2E_POINT_CODE = 'e2e-accueil';
