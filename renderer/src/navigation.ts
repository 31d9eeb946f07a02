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

/**
 * A page holding something not yet saved says so: the guard answers the question to ask before leaving (or
 * null when nothing would be lost). Every way of leaving a page inside the window goes through them: navigate(),
 * links (menu, « Fermer »), Back and Forward.
 */
export type LeaveGuard = () => string | null;

const guards = new Set<LeaveGuard>();

/** Adds a guard; returns the function that removes it. */
export function addLeaveGuard(guard: LeaveGuard): () => void {
  guards.add(guard);
  return () => {
    guards.delete(guard);
  };
}

/** The question of the first page that would lose something, or null. */
export function leaveQuestion(): string | null {
  for (const guard of guards) {
    const question = guard();
    if (question !== null) return question;
  }
  return null;
}

/** Whether the page may be left: nothing unsaved, or the person chose to abandon it. */
export function confirmLeave(): boolean {
  const question = leaveQuestion();
  return question === null || window.confirm(question);
}

// The hash the window shows and has agreed to show. A link or Back/Forward changes the address before any page
// can ask; when the person chooses to stay, the address is put back and the pages are not told of the change.
let accepted = typeof window === 'undefined' ? '#/' : currentHash();

function guardAddressChange(event: Event): void {
  const hash = currentHash();
  if (hash === accepted) return;
  if (confirmLeave()) {
    accepted = hash;
    return;
  }
  event.stopImmediatePropagation();
  window.history.pushState({}, '', accepted);
}

// Registered when the module loads, before any page subscribes, so it runs first and can hold the change back.
if (typeof window !== 'undefined') {
  window.addEventListener('popstate', guardAddressChange);
  window.addEventListener('hashchange', guardAddressChange);
}

/**
 * Goes to a route: a new history entry, or in place (`replace`) for typing in a search box. Asks first when the
 * page holds unsaved changes (and stays when the person says so); `force` skips the question, for a page that
 * has just saved what it held.
 */
export function navigate(
  target: Route | string,
  options: { replace?: boolean; force?: boolean } = {},
): boolean {
  const hash = typeof target === 'string' ? target : formatRoute(target);
  const from = currentHash();
  if (hash === from) return true;
  if (!options.force && !confirmLeave()) return false;
  accepted = hash;
  if (options.replace) {
    window.history.replaceState(window.history.state, '', hash);
  } else {
    const state: HistoryState = { from };
    window.history.pushState(state, '', hash);
  }
  notify();
  return true;
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
