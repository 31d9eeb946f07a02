// The window's pages, one row per route: its title, who it is for, the menu entry it lights, its page. The
// menu, the access check, the document's title and the page shown all come from this table, so a new page is
// one row here (plus its hash in router.ts when it has parameters).
import type { ReactNode } from 'react';
import type { Access, Role } from '../../common/roles';
import { grants } from '../../common/roles';
import type { Route } from './router';
import { formatRoute } from './router';
import type { NavEntry } from './ui/Header';
import { NotFoundPage } from './ui/NotFoundPage';
import { ReglagesPage } from './features/admin/ReglagesPage';
import { AgentFormPage } from './features/agents/AgentFormPage';
import { AgentPage } from './features/agents/AgentPage';
import { AgentsImportPage } from './features/agents/AgentsImportPage';
import { AgentsPage } from './features/agents/AgentsPage';
import { AuditPage } from './features/audit/AuditPage';
import { ComptePage } from './features/comptes/ComptePage';
import { ComptesPage } from './features/comptes/ComptesPage';
import { AnnuairePage } from './features/contacts/AnnuairePage';
import { ContactPage } from './features/contacts/ContactPage';
import { ProblemesPage } from './features/content/ProblemesPage';
import { FichePage } from './features/fiches/FichePage';
import { FormationFormPage } from './features/formations/FormationFormPage';
import { FormationPage } from './features/formations/FormationPage';
import { FormationsPage } from './features/formations/FormationsPage';
import { ImportPage } from './features/import/ImportPage';
import { BilanPage } from './features/indicateurs/BilanPage';
import { TableauPage } from './features/indicateurs/TableauPage';
import { MesContactsPage } from './features/journal/MesContactsPage';
import { ATraiterPage } from './features/label/ATraiterPage';
import { LabelReglagesPage } from './features/label/LabelReglagesPage';
import { RegistrePage } from './features/label/RegistrePage';
import { PointFormPage } from './features/points/PointFormPage';
import { PointPage } from './features/points/PointPage';
import { PointsPage } from './features/points/PointsPage';
import { EditeurPage } from './features/redaction/EditeurPage';
import { ManquesPage } from './features/redaction/ManquesPage';
import { RedactionPage } from './features/redaction/RedactionPage';
import { RevisionPage } from './features/redaction/RevisionPage';
import { VocabulairePage } from './features/redaction/VocabulairePage';
import { SearchPage } from './features/search/SearchPage';
import { UsagerPage } from './features/usager/UsagerPage';
import { FlashFormPage } from './features/flash/FlashFormPage';
import { FlashListPage } from './features/flash/FlashListPage';
import { FLASH_MANAGERS } from '../../common/flash/methods';

export type RouteName = Route['name'];

/**
 * The menu's groups, by task, in the menu's order. Each person sees the groups that hold an entry their roles
 * open, with those entries only.
 */
export const MENU_GROUPS = {
  accueil: 'Accueil',
  redaction: 'Rédaction',
  label: 'Label',
  pilotage: 'Pilotage',
  administration: 'Administration',
} as const satisfies Record<string, string>;
export type MenuGroup = keyof typeof MENU_GROUPS;
export type RouteOf<N extends RouteName> = Extract<Route, { name: N }>;

export interface RouteRow<R extends Route> {
  /** The document's title (« … – Info'Cité »). */
  title: string;
  /**
   * Who the page is for: the menu shows it only to them, and others get « Accès réservé ». The core checks
   * every call on its own; this only spares people a page full of refusals.
   */
  access: Access;
  /** The menu entry lit while the page is shown: the name of a route that has one; null for none. */
  section: RouteName | null;
  /** This page's own menu entry, if it has one: its label, the route it opens and the menu group it sits in. */
  menu?: { label: string; route: R; group: MenuGroup };
  page(route: R): ReactNode;
}

/** Every route name has its row: a missing one does not compile. */
export type RouteTable = { [N in RouteName]: RouteRow<RouteOf<N>> };

/** The rows in the menu's order. */
export const ROUTES: RouteTable = {
  search: {
    title: 'Recherche',
    access: 'connecte',
    section: 'search',
    menu: { label: 'Recherche', route: { name: 'search', q: '', themes: [] }, group: 'accueil' },
    page: (route) => <SearchPage route={route} />,
  },
  fiche: {
    title: 'Fiche',
    access: 'connecte',
    section: 'search',
    page: (route) => <FichePage key={route.id} id={route.id} />,
  },
  usager: {
    title: 'Pour l’usager',
    access: 'connecte',
    section: 'search',
    page: (route) => <UsagerPage key={route.id} id={route.id} />,
  },
  annuaire: {
    title: 'Annuaire des services',
    access: 'connecte',
    section: 'annuaire',
    menu: { label: 'Annuaire', route: { name: 'annuaire', q: '' }, group: 'accueil' },
    page: (route) => <AnnuairePage q={route.q} />,
  },
  contact: {
    title: 'Service',
    access: 'connecte',
    section: 'annuaire',
    page: (route) => <ContactPage key={route.id} id={route.id} />,
  },
  flash: {
    title: 'Flash info',
    access: FLASH_MANAGERS,
    section: 'flash',
    menu: { label: 'Flash info', route: { name: 'flash' }, group: 'accueil' },
    page: () => <FlashListPage archive={false} />,
  },
  flashArchives: {
    title: 'Flash info archivés',
    access: FLASH_MANAGERS,
    section: 'flash',
    page: () => <FlashListPage archive />,
  },
  flashForm: {
    title: 'Flash info',
    access: FLASH_MANAGERS,
    section: 'flash',
    page: (route) => <FlashFormPage key={route.id ?? 'nouvelle'} id={route.id} />,
  },
  mesContacts: {
    title: 'Mes contacts du jour',
    access: 'agent',
    section: 'mesContacts',
    menu: { label: 'Mes contacts du jour', route: { name: 'mesContacts' }, group: 'accueil' },
    page: () => <MesContactsPage />,
  },
  redaction: {
    title: 'Rédaction',
    access: 'redacteur',
    section: 'redaction',
    menu: { label: 'Rédaction', route: { name: 'redaction', params: {} }, group: 'redaction' },
    page: (route) => <RedactionPage params={route.params} />,
  },
  editeur: {
    title: 'Éditeur',
    access: 'redacteur',
    section: 'redaction',
    page: (route) => (
      <EditeurPage
        key={`${route.kind}/${route.id ?? ''}`}
        kind={route.kind}
        id={route.id}
        params={route.params}
      />
    ),
  },
  revision: {
    title: 'Fiches à revoir',
    access: 'redacteur',
    section: 'revision',
    menu: { label: 'À revoir', route: { name: 'revision' }, group: 'redaction' },
    page: () => <RevisionPage />,
  },
  manques: {
    title: 'Ce que les agents n’ont pas trouvé',
    access: 'redacteur',
    section: 'manques',
    menu: { label: 'Non trouvé', route: { name: 'manques', params: {} }, group: 'redaction' },
    page: (route) => <ManquesPage params={route.params} />,
  },
  vocabulaire: {
    title: 'Synonymes et thèmes',
    access: 'redacteur',
    section: 'vocabulaire',
    menu: { label: 'Synonymes et thèmes', route: { name: 'vocabulaire' }, group: 'redaction' },
    page: () => <VocabulairePage />,
  },
  import: {
    title: 'Import des fiches Service-Public.fr',
    access: 'redacteur',
    section: 'import',
    menu: { label: 'Import national', route: { name: 'import' }, group: 'redaction' },
    page: () => <ImportPage />,
  },
  problemes: {
    title: 'Problèmes de contenu',
    access: 'redacteur',
    section: 'problemes',
    menu: { label: 'Problèmes de contenu', route: { name: 'problemes' }, group: 'redaction' },
    page: () => <ProblemesPage />,
  },
  points: {
    title: "Points d'accueil",
    access: 'gestionnaire',
    section: 'points',
    menu: { label: "Points d'accueil", route: { name: 'points', params: {} }, group: 'label' },
    page: (route) => <PointsPage params={route.params} />,
  },
  point: {
    title: "Point d'accueil",
    access: 'gestionnaire',
    section: 'points',
    page: (route) => <PointPage key={route.id} id={route.id} />,
  },
  pointForm: {
    title: "Point d'accueil",
    access: 'gestionnaire',
    section: 'points',
    page: (route) => <PointFormPage key={route.id ?? 'nouveau'} id={route.id} />,
  },
  labelReglages: {
    title: 'Règles du label',
    access: 'gestionnaire',
    section: 'points',
    page: () => <LabelReglagesPage />,
  },
  agents: {
    title: 'Agents',
    access: 'gestionnaire',
    section: 'agents',
    menu: { label: 'Agents', route: { name: 'agents', params: {} }, group: 'label' },
    page: (route) => <AgentsPage params={route.params} />,
  },
  agent: {
    title: 'Agent',
    access: 'gestionnaire',
    section: 'agents',
    page: (route) => <AgentPage key={route.id} id={route.id} />,
  },
  agentForm: {
    title: 'Agent',
    access: 'gestionnaire',
    section: 'agents',
    page: (route) => <AgentFormPage key={route.id ?? 'nouveau'} id={route.id} />,
  },
  agentsImport: {
    title: 'Import des agents',
    access: 'gestionnaire',
    section: 'agents',
    page: () => <AgentsImportPage />,
  },
  formations: {
    title: 'Formations',
    access: 'gestionnaire',
    section: 'formations',
    menu: { label: 'Formations', route: { name: 'formations', params: {} }, group: 'label' },
    page: (route) => <FormationsPage params={route.params} />,
  },
  formation: {
    title: 'Session de formation',
    access: 'gestionnaire',
    section: 'formations',
    page: (route) => <FormationPage key={route.id} id={route.id} />,
  },
  formationForm: {
    title: 'Session de formation',
    access: 'gestionnaire',
    section: 'formations',
    page: (route) => <FormationFormPage key={route.id ?? 'nouvelle'} id={route.id} />,
  },
  aTraiter: {
    title: 'À traiter',
    access: 'gestionnaire',
    section: 'aTraiter',
    menu: { label: 'À traiter', route: { name: 'aTraiter' }, group: 'label' },
    page: () => <ATraiterPage />,
  },
  registre: {
    title: 'Registre des points labellisés',
    access: 'connecte',
    section: 'registre',
    menu: { label: 'Registre du label', route: { name: 'registre' }, group: 'label' },
    page: () => <RegistrePage />,
  },
  tableau: {
    title: 'Tableau de bord',
    access: 'gestionnaire',
    section: 'tableau',
    menu: { label: 'Tableau de bord', route: { name: 'tableau', params: {} }, group: 'pilotage' },
    page: (route) => <TableauPage params={route.params} />,
  },
  bilan: {
    title: 'Bilan annuel',
    access: 'gestionnaire',
    section: 'bilan',
    menu: { label: 'Bilan annuel', route: { name: 'bilan', params: {} }, group: 'pilotage' },
    page: (route) => <BilanPage params={route.params} />,
  },
  comptes: {
    title: 'Comptes',
    access: 'administrateur',
    section: 'comptes',
    menu: { label: 'Comptes', route: { name: 'comptes' }, group: 'administration' },
    page: () => <ComptesPage />,
  },
  compte: {
    title: 'Compte',
    access: 'administrateur',
    section: 'comptes',
    page: (route) => <ComptePage key={route.id ?? 'nouveau'} id={route.id} />,
  },
  audit: {
    title: "Journal d'audit",
    access: 'administrateur',
    section: 'audit',
    menu: { label: "Journal d'audit", route: { name: 'audit', params: {} }, group: 'administration' },
    page: (route) => <AuditPage params={route.params} />,
  },
  reglages: {
    title: 'Réglages',
    access: 'administrateur',
    section: 'reglages',
    menu: { label: 'Réglages', route: { name: 'reglages' }, group: 'administration' },
    page: () => <ReglagesPage />,
  },
  notFound: {
    title: 'Page introuvable',
    access: 'connecte',
    section: null,
    page: () => <NotFoundPage />,
  },
};

/** The row of a route, typed for any route (each row only ever receives routes of its own name). */
function rowOf(route: Route): RouteRow<Route> {
  return ROUTES[route.name] as RouteRow<Route>;
}

/** The page a route shows. */
export function pageOf(route: Route): ReactNode {
  return rowOf(route).page(route);
}

/** The document's title on a route. */
export function titleOf(route: Route): string {
  return `${rowOf(route).title} – Info'Cité`;
}

/** Whether someone holding `roles` may open the route's page. */
export function mayOpen(roles: readonly Role[] | null, route: Route): boolean {
  return grants(roles, rowOf(route).access);
}

/** The menu entry lit on a route, by its section's name (null: none). */
export function sectionOf(route: Route): RouteName | null {
  return rowOf(route).section;
}

/** The menu's entries for someone holding `roles`, group after group, in the table's order within a group. */
export function menuFor(roles: readonly Role[] | null): NavEntry[] {
  const entries: NavEntry[] = [];
  for (const [group, groupLabel] of Object.entries(MENU_GROUPS) as Array<[MenuGroup, string]>) {
    for (const [name, row] of Object.entries(ROUTES) as Array<[RouteName, RouteRow<Route>]>) {
      if (row.menu?.group === group && grants(roles, row.access))
        entries.push({
          section: name,
          href: formatRoute(row.menu.route),
          label: row.menu.label,
          group,
          groupLabel,
        });
    }
  }
  return entries;
}
