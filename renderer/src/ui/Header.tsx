import type { MouseEvent } from 'react';
import { useIndexStatus } from './hooks/indexStatus';
import { MAIN_ID } from './PageMain';
import { SessionMenu } from '../features/auth/SessionMenu';
import { StatusLine } from './StatusLine';

/** One entry of the main menu; `section` names it (its test id is « nav-<section> »). */
export interface NavEntry {
  section: string;
  href: string;
  label: string;
}

/** The section whose entry carries the count of content problems. */
const PROBLEMS_SECTION = 'problemes';

function skipToContent(event: MouseEvent<HTMLAnchorElement>) {
  // A plain #contenu link would replace the route: move the focus instead.
  event.preventDefault();
  const main = document.getElementById(MAIN_ID);
  main?.focus();
  main?.scrollIntoView();
}

/**
 * The brand, the index status, the session menu and the main menu: `menu` is what the person may open (see
 * routes.tsx), `section` the entry lit for the current page.
 */
export function Header({ menu, section }: { menu: NavEntry[]; section: string | null }) {
  const { status } = useIndexStatus();
  const problems = status?.problems ?? 0;

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
            {menu.map((entry) => (
              <li key={entry.section}>
                <a
                  href={entry.href}
                  aria-current={entry.section === section ? 'page' : undefined}
                  data-testid={`nav-${entry.section}`}
                >
                  {entry.label}
                  {entry.section === PROBLEMS_SECTION && problems > 0 && (
                    <span className="badge badge-count" data-testid="problems-badge">
                      {problems}
                      <span className="visually-hidden"> {problems >= 2 ? 'problèmes' : 'problème'}</span>
                    </span>
                  )}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
    </>
  );
}
