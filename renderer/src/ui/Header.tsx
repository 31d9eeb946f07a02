import type { Access } from '../../../common/roles';
import { grants } from '../../../common/roles';
import { useIndexStatus } from './hooks/indexStatus';
import type { Route } from '../router';
import { useSession } from '../features/auth/session';
import { MAIN_ID } from './PageMain';
import { SessionMenu } from '../features/auth/SessionMenu';
import { StatusLine } from './StatusLine';
import type { MouseEvent } from 'react';

type Section =
  | 'search'
  | 'annuaire'
  | 'problemes'
  | 'import'
  | 'points'
  | 'agents'
  | 'formations'
  | 'aTraiter'
  | 'registre'
  | 'comptes'
  | 'audit'
  | 'reglages'
  | 'tableau'
  | 'bilan'
  | 'mesContacts'
  | 'redaction'
  | 'revision'
  | 'manques'
  | 'vocabulaire';

/** The registries' and administration's entries of the menu, for those whose role they serve. */
const MORE_SECTIONS: Array<{ section: Section; href: string; label: string; access: Access }> = [
  { section: 'redaction', href: '#/redaction', label: 'Rédaction', access: 'redacteur' },
  { section: 'revision', href: '#/a-revoir', label: 'À revoir', access: 'redacteur' },
  { section: 'manques', href: '#/manques', label: 'Non trouvé', access: 'redacteur' },
  { section: 'vocabulaire', href: '#/vocabulaire', label: 'Synonymes et thèmes', access: 'redacteur' },
  { section: 'points', href: '#/points', label: "Points d'accueil", access: 'gestionnaire' },
  { section: 'agents', href: '#/agents', label: 'Agents', access: 'gestionnaire' },
  { section: 'formations', href: '#/formations', label: 'Formations', access: 'gestionnaire' },
  { section: 'aTraiter', href: '#/a-traiter', label: 'À traiter', access: 'gestionnaire' },
  { section: 'registre', href: '#/registre', label: 'Registre du label', access: 'connecte' },
  { section: 'mesContacts', href: '#/mes-contacts', label: 'Mes contacts du jour', access: 'agent' },
  { section: 'tableau', href: '#/tableau', label: 'Tableau de bord', access: 'gestionnaire' },
  { section: 'bilan', href: '#/bilan', label: 'Bilan annuel', access: 'gestionnaire' },
  { section: 'comptes', href: '#/comptes', label: 'Comptes', access: 'administrateur' },
  { section: 'audit', href: '#/audit', label: "Journal d'audit", access: 'administrateur' },
  { section: 'reglages', href: '#/reglages', label: 'Réglages', access: 'administrateur' },
];

function sectionOf(route: Route): Section | null {
  switch (route.name) {
    case 'search':
    case 'fiche':
      return 'search';
    case 'annuaire':
    case 'contact':
      return 'annuaire';
    case 'problemes':
      return 'problemes';
    case 'import':
      return 'import';
    case 'points':
    case 'point':
    case 'pointForm':
    case 'labelReglages':
      return 'points';
    case 'agents':
    case 'agent':
    case 'agentForm':
    case 'agentsImport':
      return 'agents';
    case 'formations':
    case 'formation':
    case 'formationForm':
      return 'formations';
    case 'aTraiter':
    case 'registre':
    case 'tableau':
    case 'bilan':
    case 'mesContacts':
    case 'audit':
    case 'reglages':
    case 'revision':
    case 'manques':
    case 'vocabulaire':
      return route.name;
    case 'redaction':
    case 'editeur':
      return 'redaction';
    case 'comptes':
    case 'compte':
      return 'comptes';
    default:
      return null;
  }
}

function skipToContent(event: MouseEvent<HTMLAnchorElement>) {
  // A plain #contenu link would replace the route: move the focus instead.
  event.preventDefault();
  const main = document.getElementById(MAIN_ID);
  main?.focus();
  main?.scrollIntoView();
}

export function Header({ route }: { route: Route }) {
  const { status } = useIndexStatus();
  const { info } = useSession();
  const may = (access: Access) => grants(info.compte?.roles ?? null, access);
  const section = sectionOf(route);
  const problems = status?.problems ?? 0;
  const current = (name: Section) => (section === name ? 'page' : undefined);

  return (
    <>
      <a className="skip-link" href={`#${MAIN_ID}`} onClick={skipToContent}>
        Aller au contenu
      </a>
      <header className="header">
        <div className="header-inner">
          <p className="brand">
            <a href="#/" className="brand-link">
              <span className="brand-name">Info&apos;Cité</span>
              <span className="brand-tagline">Accueil des usagers</span>
            </a>
          </p>
          <StatusLine />
          <SessionMenu />
        </div>
        <nav className="nav" aria-label="Navigation principale">
          <ul className="nav-list">
            <li>
              <a href="#/" aria-current={current('search')} data-testid="nav-search">
                Recherche
              </a>
            </li>
            <li>
              <a href="#/annuaire" aria-current={current('annuaire')} data-testid="nav-annuaire">
                Annuaire des services
              </a>
            </li>
            <li>
              <a href="#/problemes" aria-current={current('problemes')} data-testid="nav-problemes">
                Problèmes de contenu
                {problems > 0 && (
                  <span className="badge badge-count" data-testid="problems-badge">
                    {problems}
                    <span className="visually-hidden"> {problems >= 2 ? 'problèmes' : 'problème'}</span>
                  </span>
                )}
              </a>
            </li>
            {may('redacteur') && (
              <li>
                <a href="#/import" aria-current={current('import')} data-testid="nav-import">
                  Import national
                </a>
              </li>
            )}
            {MORE_SECTIONS.filter((entry) => may(entry.access)).map((entry) => (
              <li key={entry.section}>
                <a
                  href={entry.href}
                  aria-current={current(entry.section)}
                  data-testid={`nav-${entry.section}`}
                >
                  {entry.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
    </>
  );
}
