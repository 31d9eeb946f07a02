// The browser side of the router: reads and writes location.hash, and remembers the last list (search or
// annuaire) so Esc and « Retour aux résultats » bring the agent back to it exactly as it was.
import { useSyncExternalStore } from 'react';
import type { ListRoute, Route } from './router';
import { HOME, formatRoute, isListRoute, parseHash } from './router';

interface HistoryState {
  /** The hash of the entry this one was pushed from. */
  from?: string;
}

const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  window.addEventListener('hashchange', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
    window.removeEventListener('hashchange', listener);
  };
}

function currentHash(): string {
  return window.location.hash || '#/';
}

/** The current route, re-rendering on every change of the hash. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, currentHash);
  return parseHash(hash);
}

/** Goes to a route: a new history entry, or in place (`replace`) for typing in a search box. */
export function navigate(target: Route | string, options: { replace?: boolean } = {}): void {
  const hash = typeof target === 'string' ? target : formatRoute(target);
  const from = currentHash();
  if (hash === from) return;
  if (options.replace) {
    window.history.replaceState(window.history.state, '', hash);
  } else {
    const state: HistoryState = { from };
    window.history.pushState(state, '', hash);
  }
  notify();
}

let lastList: ListRoute = HOME as ListRoute;
let lastSearch: ListRoute = HOME as ListRoute;

/** Called on every route change: keeps the last list the agent looked at. */
export function rememberRoute(route: Route): void {
  if (!isListRoute(route)) return;
  lastList = route;
  if (route.name === 'search') lastSearch = route;
}

export function lastListRoute(): ListRoute {
  return lastList;
}

export function lastSearchRoute(): ListRoute {
  return lastSearch;
}

/** Back to the last list: through history when we came straight from it, so Back/Forward stay tidy. */
export function backToList(): void {
  const target = formatRoute(lastList);
  const state = window.history.state as HistoryState | null;
  if (state?.from === target) window.history.back();
  else navigate(target);
}
