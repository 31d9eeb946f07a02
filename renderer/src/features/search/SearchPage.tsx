import type { ChangeEvent, KeyboardEvent } from 'react';
import type { SearchHit } from '../../../../common/contract';
import type { Origine } from '../../../../common/knowledge/types';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ActiveState } from '../../ui/hooks/useActiveOption';
import { useActiveOption } from '../../ui/hooks/useActiveOption';
import { useIndexStatus } from '../../ui/hooks/indexStatus';
import { useCall } from '../../ui/hooks/useCall';
import { call } from '../../api';
import { useDemande } from '../journal/demande';
import { plural } from '../../ui/format';
import { navigate, rememberRoute } from '../../navigation';
import { ORIGINE_LABELS } from './origins';
import type { Route } from '../../router';
import { HOME, searchRoute, toggleTheme } from '../../router';
import { registerSearchBox } from '../../ui/searchBox';
import { Facets } from './Facets';
import { NoResults } from './NoResults';
import { OrigineFilter } from './OrigineFilter';
import { PageMain } from '../../ui/PageMain';
import { RESULTS_ID, SearchResults, resultId } from './SearchResults';
import { ServiceResults } from './ServiceResults';
import { ErrorMessage, Loading } from '../../ui/StatusMessages';
import { PAGE_SIZE, appendPage, nearEnd } from './paging';
import { ThemeEntries } from '../../ui/ThemeEntries';
import { FlashBanner } from '../flash/FlashBanner';
import { FavorisPanel } from '../favoris/FavorisPanel';
import { focusFavoris } from '../favoris/favoris-focus';

const DEBOUNCE_MS = 60;

/** The pages loaded after the first one, for the answer `key`. */
interface MorePages {
  key: string | null;
  hits: SearchHit[];
  hasMore: boolean;
}
const NO_MORE: MorePages = { key: null, hits: [], hasMore: false };

// Where the agent was in the last results (active option, scroll, pages loaded), to find them as they were
// after Esc.
let memory: { key: string | null; active: number; scrollY: number; more: MorePages } = {
  key: null,
  active: -1,
  scrollY: 0,
  more: NO_MORE,
};

function countText(shown: number, total: number, themes: number, origine: Origine | undefined): string {
  if (shown === 0) return 'Aucun résultat';
  const among = origine ? ` (${ORIGINE_LABELS[origine]})` : '';
  if (themes > 0)
    return `${plural(shown, 'résultat')} dans ${themes > 1 ? 'les thèmes choisis' : 'le thème choisi'}${among}`;
  if (total > shown) return `${shown} premiers résultats sur ${total}${among}`;
  return `${plural(shown, 'résultat')}${among}`;
}

type SearchRoute = Extract<Route, { name: 'search' }>;

/** What the « no result » box says about the filters that are on. */
function filterNote(route: SearchRoute): { note: string; clearLabel: string } | null {
  if (route.origine) {
    const also = route.themes.length > 0 ? ' et le filtre par thème sont actifs.' : ' est actif.';
    return {
      note: `Le filtre « ${ORIGINE_LABELS[route.origine]} »${also}`,
      clearLabel: 'Chercher dans toutes les fiches',
    };
  }
  if (route.themes.length > 0)
    return { note: 'Le filtre par thème est actif.', clearLabel: 'Chercher dans tous les thèmes' };
  return null;
}

export function SearchPage({ route }: { route: SearchRoute }) {
  const refresh = useIndexStatus().refreshKey;
  const [text, setText] = useState(route.q);
  // The last query this page wrote into the hash: any other value came from outside (Back, a suggestion…).
  const written = useRef(route.q);
  const inputRef = useRef<HTMLInputElement | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const openWhenReady = useRef(false);

  const q = route.q.trim();
  const search = useCall(
    'search.query',
    {
      q: route.q,
      themes: route.themes.length > 0 ? route.themes : undefined,
      origine: route.origine,
      limit: PAGE_SIZE,
    },
    { refresh, keepPrevious: true, enabled: q !== '' },
  );
  const response = q !== '' && search.status === 'ok' ? search.data : null;
  const listKey = q !== '' && search.status === 'ok' ? search.key : null;
  // The window asks for one screenful per keystroke; the next pages come as the agent scrolls or moves down.
  const [more, setMore] = useState<MorePages>(() => (memory.more.key === listKey ? memory.more : NO_MORE));
  const ownMore = more.key !== null && more.key === listKey ? more : null;
  const results = useMemo(
    () => appendPage(response?.results ?? [], ownMore?.hits ?? []),
    [response, ownMore],
  );
  const hasMore = ownMore ? ownMore.hasMore : (response?.has_more ?? false);
  const fetching = useRef(false);
  const loadMore = useCallback(() => {
    if (!hasMore || fetching.current || listKey === null) return;
    fetching.current = true;
    call('search.query', {
      q: route.q,
      themes: route.themes.length > 0 ? route.themes : undefined,
      origine: route.origine,
      limit: PAGE_SIZE,
      offset: results.length,
    })
      .then((page) => {
        setMore((previous) => {
          const before = previous.key === listKey ? previous.hits : [];
          const next = { key: listKey, hits: appendPage(before, page.results), hasMore: page.has_more };
          memory.more = next;
          return next;
        });
      })
      // The first page stays on screen; scrolling again asks again.
      .catch(() => {})
      .finally(() => {
        fetching.current = false;
      });
  }, [hasMore, listKey, route.q, route.themes, route.origine, results.length]);
  const sentinel = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    const element = sentinel.current;
    if (!element || !hasMore || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) loadMore();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasMore, loadMore]);
  const pending = text !== route.q || search.status === 'loading' || (search.status === 'ok' && search.stale);

  const [initialActive] = useState<ActiveState | undefined>(() =>
    memory.key !== null && memory.key === listKey ? { key: listKey, index: memory.active } : undefined,
  );
  const { active, move } = useActiveOption(listKey, results.length, resultId, initialActive);

  // The contact in progress: what the agent typed, the thème chosen, and each query once its answer settled.
  const { touch, searchSettled, themeChosen } = useDemande();
  const settledTotal = q !== '' && search.status === 'ok' && !search.stale ? search.data.total : null;
  useEffect(() => {
    searchSettled(settledTotal === null ? '' : route.q, settledTotal ?? 0);
    // Reported once per answer: its key says which query, filters included, it answers.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [listKey, settledTotal, searchSettled]);
  const chosenTheme = route.themes.at(-1);
  useEffect(() => {
    if (chosenTheme) themeChosen(chosenTheme);
  }, [chosenTheme, themeChosen]);

  useEffect(() => {
    if (route.q !== written.current) {
      written.current = route.q;
      setText(route.q);
      inputRef.current?.focus();
    }
  }, [route.q]);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  // Remember the position in the results, and restore the scroll when they come back from the cache.
  useEffect(() => {
    memory = { ...memory, key: listKey, active };
  }, [listKey, active]);
  useLayoutEffect(() => {
    if (initialActive) window.scrollTo(0, memory.scrollY);
    const onScroll = () => {
      memory.scrollY = window.scrollY;
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => window.removeEventListener('scroll', onScroll);
  }, [initialActive]);

  const writeRoute = useCallback((next: Route) => {
    window.clearTimeout(timer.current);
    if (next.name === 'search') written.current = next.q;
    navigate(next, { replace: true });
    // Remembered now, not after the next render: a fiche opened in the same keystroke must come back here.
    rememberRoute(next);
  }, []);

  const open = useCallback(
    (index: number) => {
      const hit = results[index];
      if (hit) navigate({ name: 'fiche', id: hit.id });
    },
    [results],
  );

  // Enter pressed before the answer to the latest query arrived: open its first result when it does.
  useEffect(() => {
    if (openWhenReady.current && !pending) {
      openWhenReady.current = false;
      open(0);
    }
  }, [pending, open]);

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.target.value;
    touch();
    setText(value);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      writeRoute(value.trim() === '' ? HOME : searchRoute(value, route.themes, route.origine));
    }, DEBOUNCE_MS);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        event.preventDefault();
        // The empty box has no results: ↓ goes down to the favourites and recent fiches.
        if (event.key === 'ArrowDown' && text.trim() === '' && focusFavoris()) break;
        move(event.key === 'ArrowDown' ? 1 : -1);
        if (event.key === 'ArrowDown' && nearEnd(active + 1, results.length)) loadMore();
        break;
      case 'Enter':
        event.preventDefault();
        if (active >= 0) {
          // The option chosen may belong to the answer to a shorter query still on screen: the list to come
          // back to with Esc is the one for the text as typed.
          if (text !== route.q && text.trim() !== '')
            writeRoute(searchRoute(text, route.themes, route.origine));
          open(active);
        } else if (text.trim() === '') break;
        else if (pending) {
          if (text !== route.q) writeRoute(searchRoute(text, route.themes, route.origine));
          openWhenReady.current = true;
        } else open(0);
        break;
      case 'Escape':
        event.preventDefault();
        if (text !== '' || route.themes.length > 0 || route.origine) {
          setText('');
          writeRoute(HOME);
        }
        break;
    }
  };

  const setThemes = (themes: string[]) => {
    touch();
    writeRoute(searchRoute(text, themes, route.origine));
  };
  const setOrigine = (origine: Origine | undefined) => {
    touch();
    writeRoute(searchRoute(text, route.themes, origine));
  };
  const clearFilters = () => writeRoute(searchRoute(text));
  const hasResults = results.length > 0;

  return (
    <PageMain className="search-page">
      <div className="search-box">
        <h1 className="search-heading">
          <label htmlFor="search-input">Rechercher une démarche, un service…</label>
        </h1>
        <input
          ref={(element) => {
            inputRef.current = element;
            registerSearchBox(element);
          }}
          id="search-input"
          className="search-input"
          type="search"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={hasResults}
          aria-controls={RESULTS_ID}
          aria-activedescendant={active >= 0 ? resultId(active) : undefined}
          aria-describedby="search-help"
          aria-keyshortcuts="Control+K /"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          placeholder="Ex. : passeport, inscription école, encombrants…"
          value={text}
          onChange={onChange}
          onKeyDown={onKeyDown}
          data-testid="search-input"
        />
        <p id="search-help" className="hint">
          <kbd>/</kbd> ou <kbd>Ctrl</kbd>+<kbd>K</kbd> pour chercher, <kbd>↑</kbd> <kbd>↓</kbd> pour choisir,{' '}
          <kbd>Entrée</kbd> pour ouvrir, <kbd>Échap</kbd> pour effacer.
        </p>
      </div>

      {q !== '' && search.status === 'loading' && <Loading label="Recherche en cours…" />}
      {q !== '' && search.status === 'error' && <ErrorMessage error={search.error} />}

      {/* The answers first, the filters beside them: the results start right under the box. */}
      <div className={response ? 'search-layout' : undefined}>
        <div className="search-answers">
          {response && !hasResults && (
            <NoResults
              query={response.query || route.q}
              suggestions={response.suggestions}
              filter={filterNote(route)}
              onClearFilter={clearFilters}
            />
          )}
          <p
            className={hasResults ? 'result-count' : 'visually-hidden'}
            role="status"
            data-testid="result-count"
          >
            {response && countText(results.length, response.total, route.themes.length, route.origine)}
          </p>
          <SearchResults results={results} active={active} hidden={!hasResults} />
          {hasResults && hasMore && (
            <div ref={sentinel} className="results-more">
              <button
                type="button"
                className="button button-outline"
                onClick={loadMore}
                data-testid="results-more"
              >
                Afficher plus de résultats
              </button>
            </div>
          )}
        </div>
        {response && (
          <div className="filters">
            <ServiceResults services={response.services ?? []} />
            <OrigineFilter origins={response.origins} selected={route.origine} onSelect={setOrigine} />
            <Facets
              facets={response.facets}
              selected={route.themes}
              onToggle={(id) => setThemes(toggleTheme(route.themes, id))}
              onClear={() => setThemes([])}
            />
          </div>
        )}
      </div>

      {q === '' && (
        <>
          <FlashBanner />
          <FavorisPanel />
          <ThemeEntries refresh={refresh} />
        </>
      )}
    </PageMain>
  );
}
