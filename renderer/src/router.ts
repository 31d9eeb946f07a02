// The window's routes and their hash form. Pure: parsing and formatting are unit-tested under Node.
import type { Origine } from '../../electron/core/knowledge/types';

/** The search page's origin filter: absent means every origin. */
export type OrigineFilter = Origine | undefined;

export type Route =
  | { name: 'search'; q: string; themes: string[]; origine?: Origine }
  | { name: 'fiche'; id: string }
  | { name: 'annuaire'; q: string }
  | { name: 'contact'; id: string }
  | { name: 'problemes' }
  | { name: 'import' }
  | { name: 'notFound'; hash: string };

export type ListRoute = Extract<Route, { name: 'search' | 'annuaire' }>;

export const HOME: Route = { name: 'search', q: '', themes: [] };

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function splitThemes(value: string | null): string[] {
  if (!value) return [];
  const seen = new Set<string>();
  for (const part of value.split(',')) {
    const id = part.trim();
    if (id) seen.add(id);
  }
  return [...seen];
}

function readOrigine(value: string | null): OrigineFilter {
  return value === 'local' || value === 'national' ? value : undefined;
}

/** The route a location hash (« #/fiche/pacs », « #/?q=passeport&themes=identite&origine=national ») points to. */
export function parseHash(hash: string): Route {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  const queryAt = raw.indexOf('?');
  const path = queryAt === -1 ? raw : raw.slice(0, queryAt);
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(queryAt === -1 ? '' : raw.slice(queryAt + 1));
  } catch {
    params = new URLSearchParams();
  }
  const segments = path.split('/').filter((segment) => segment !== '');
  const notFound: Route = { name: 'notFound', hash };

  if (segments.length === 0) {
    return searchRoute(
      params.get('q') ?? '',
      splitThemes(params.get('themes')),
      readOrigine(params.get('origine')),
    );
  }
  const [first, second] = segments;
  if (segments.length === 1 && first === 'annuaire') return { name: 'annuaire', q: params.get('q') ?? '' };
  if (segments.length === 1 && first === 'problemes') return { name: 'problemes' };
  if (segments.length === 1 && first === 'import') return { name: 'import' };
  if (segments.length === 2 && second !== undefined && (first === 'fiche' || first === 'contact')) {
    const id = decode(second);
    if (id === null || id === '') return notFound;
    return { name: first, id };
  }
  return notFound;
}

function query(pairs: Array<[string, string]>): string {
  const kept = pairs.filter(([, value]) => value !== '');
  if (kept.length === 0) return '';
  return `?${kept.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&')}`;
}

/** The hash of a route; parseHash(formatRoute(r)) gives r back. */
export function formatRoute(route: Route): string {
  switch (route.name) {
    case 'search':
      return `#/${query([
        ['q', route.q],
        ['themes', route.themes.join(',')],
        ['origine', route.origine ?? ''],
      ])}`;
    case 'annuaire':
      return `#/annuaire${query([['q', route.q]])}`;
    case 'fiche':
    case 'contact':
      return `#/${route.name}/${encodeURIComponent(route.id)}`;
    case 'problemes':
      return '#/problemes';
    case 'import':
      return '#/import';
    case 'notFound':
      return route.hash;
  }
}

export function isListRoute(route: Route): route is ListRoute {
  return route.name === 'search' || route.name === 'annuaire';
}

/** A search route; the origin key is only there when an origin is chosen. */
export function searchRoute(q: string, themes: string[] = [], origine?: OrigineFilter): Route {
  return origine ? { name: 'search', q, themes, origine } : { name: 'search', q, themes };
}

/** Adds the thème to the filter, or removes it when it is already there. */
export function toggleTheme(themes: readonly string[], id: string): string[] {
  return themes.includes(id) ? themes.filter((theme) => theme !== id) : [...themes, id];
}
