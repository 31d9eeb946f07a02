import { useCallback, useEffect, useState } from 'react';
import type { BorneAccueil } from '../../../../common/borne/methods';
import { BorneFiche } from './BorneFiche';
import { BorneHome } from './BorneHome';
import { BorneResults } from './BorneResults';
import { BorneService, BorneServices } from './BorneServices';
import { ACTIVITY_EVENTS, startIdleTimer } from './idle';
import { back, type Screen } from './screens';
import { SearchBox } from './SearchBox';
import { useKioskCall } from './useKioskCall';
import './borne.css';

/**
 * The public kiosk: no login, published content only. Each citizen's visit lives in one component, remounted
 * after the idle delay, so everything goes at once — the query, the screens visited, the answers, the scroll.
 * Nothing is written to localStorage, sessionStorage, cookies or the browser's history.
 */
export function BorneApp() {
  const [visit, setVisit] = useState(0);
  // Read again at each visit: a delay changed in Réglages applies to the next citizen.
  const accueil = useKioskCall('borne.accueil', {}, visit);
  const delaySeconds = accueil.status === 'ok' ? accueil.data.reglage.delaiInactivite : 90;

  const reset = useCallback(() => {
    setVisit((current) => current + 1);
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    window.getSelection()?.removeAllRanges();
    window.scrollTo(0, 0);
  }, []);

  useEffect(() => {
    const timer = startIdleTimer(delaySeconds * 1000, reset);
    const touch = () => timer.touch();
    for (const name of ACTIVITY_EVENTS)
      window.addEventListener(name, touch, { capture: true, passive: true });
    return () => {
      timer.stop();
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, touch, { capture: true });
    };
    // A new visit starts a new clock too.
  }, [delaySeconds, reset, visit]);

  return (
    <div className="borne" data-testid="borne" data-visit={visit}>
      {accueil.status === 'loading' && <p role="status">Chargement…</p>}
      {accueil.status === 'error' && (
        <p role="alert" className="borne-card">
          {accueil.error.message}
        </p>
      )}
      {accueil.status === 'ok' && <BorneVisit key={visit} accueil={accueil.data} />}
    </div>
  );
}

/** One citizen's visit: the query and the screens, in memory only. */
function BorneVisit({ accueil }: { accueil: BorneAccueil }) {
  const [query, setQuery] = useState('');
  const [stack, setStack] = useState<Screen[]>([{ kind: 'accueil' }]);
  const screen = stack.at(-1) ?? { kind: 'accueil' };

  const go = (next: Screen) => {
    setStack((current) => [...current, next]);
    window.scrollTo(0, 0);
  };
  const home = () => {
    setQuery('');
    setStack([{ kind: 'accueil' }]);
    window.scrollTo(0, 0);
  };
  const search = () => {
    const q = query.trim();
    if (q !== '') go({ kind: 'recherche', q });
  };
  const openFiche = (id: string) => go({ kind: 'fiche', id });
  const openService = (id: string) => go({ kind: 'service', id });

  return (
    <>
      <header className="borne-header borne-no-print">
        <button type="button" className="borne-home-title" onClick={home}>
          <span className="borne-brand">Info’Cité</span>
          <span className="borne-subtitle">Borne d’information de la ville</span>
        </button>
        {stack.length > 1 && (
          <nav className="borne-nav" aria-label="Navigation de la borne">
            <button type="button" className="borne-button" onClick={() => setStack(back)}>
              ← Retour
            </button>
            <button type="button" className="borne-button" onClick={home}>
              Accueil
            </button>
          </nav>
        )}
      </header>
      <main className="borne-main">
        {(screen.kind === 'accueil' || screen.kind === 'recherche') && (
          <div className="borne-no-print">
            <SearchBox query={query} onChange={setQuery} onSearch={search} />
          </div>
        )}
        {screen.kind === 'accueil' && (
          <BorneHome
            accueil={accueil}
            onTheme={(theme) => go({ kind: 'recherche', q: '', theme })}
            onServices={() => go({ kind: 'services' })}
          />
        )}
        {screen.kind === 'recherche' && (
          <BorneResults q={screen.q} theme={screen.theme} onFiche={openFiche} />
        )}
        {screen.kind === 'fiche' && (
          <BorneFiche id={screen.id} reglage={accueil.reglage} onFiche={openFiche} onService={openService} />
        )}
        {screen.kind === 'services' && <BorneServices onService={openService} />}
        {screen.kind === 'service' && <BorneService id={screen.id} />}
      </main>
      <footer className="borne-footer borne-no-print">
        Aucune donnée personnelle n’est conservée : sans contact pendant {accueil.reglage.delaiInactivite}{' '}
        secondes, la borne revient à l’accueil et efface la recherche.
      </footer>
    </>
  );
}
