// Which role each page is for: the menu shows a page only to those who may use it. The core checks every
// call on its own; this only spares people a page full of refusals.
import type { Access } from '../../common/roles';
import type { Route } from './router';

export const ROUTE_ACCESS: Record<Route['name'], Access> = {
  search: 'connecte',
  fiche: 'connecte',
  annuaire: 'connecte',
  contact: 'connecte',
  problemes: 'connecte',
  import: 'redacteur',
  registre: 'connecte',
  points: 'gestionnaire',
  point: 'gestionnaire',
  pointForm: 'gestionnaire',
  agents: 'gestionnaire',
  agent: 'gestionnaire',
  agentForm: 'gestionnaire',
  agentsImport: 'gestionnaire',
  formations: 'gestionnaire',
  formation: 'gestionnaire',
  formationForm: 'gestionnaire',
  aTraiter: 'gestionnaire',
  labelReglages: 'gestionnaire',
  comptes: 'administrateur',
  compte: 'administrateur',
  audit: 'administrateur',
  reglages: 'administrateur',
  tableau: 'gestionnaire',
  bilan: 'gestionnaire',
  mesContacts: 'agent',
  redaction: 'redacteur',
  editeur: 'redacteur',
  revision: 'redacteur',
  manques: 'redacteur',
  vocabulaire: 'redacteur',
  notFound: 'connecte',
};
