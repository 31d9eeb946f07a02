import { useIndexStatus } from '../hooks/indexStatus';
import type { Route } from '../router';
import { MAIN_ID } from './PageMain';
import { StatusLine } from './StatusLine';
import type { MouseEvent } from 'react';

type Section = 'search' | 'annuaire' | 'problemes' | 'import';

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
            <li>
              <a href="#/import" aria-current={current('import')} data-testid="nav-import">
                Import national
              </a>
            </li>
          </ul>
        </nav>
      </header>
    </>
  );
}
