// The window's routes and their hash form. Pure: parsing and formatting are unit-tested under Node.
import type { Origine } from '../../common/knowledge/types';

/** The search page's origin filter: absent means every origin. */
export type OrigineFilter = Origine | undefined;

export type Route =
  | { name: 'search'; q: string; themes: string[]; origine?: Origine }
  | { name: 'fiche'; id: string }
  /** The fiche laid out for the citizen (« Pour l'usager »): print, PDF, e-mail. */
  | { name: 'usager'; id: string }
  | { name: 'annuaire'; q: string }
  | { name: 'contact'; id: string }
  | { name: 'problemes' }
  | { name: 'import' }
  | { name: 'points'; params: Params }
  | { name: 'point'; id: number }
  | { name: 'pointForm'; id: number | null }
  | { name: 'agents'; params: Params }
  | { name: 'agent'; id: number }
  | { name: 'agentForm'; id: number | null }
  | { name: 'agentsImport' }
  | { name: 'formations'; params: Params }
  | { name: 'formation'; id: number }
  | { name: 'formationForm'; id: number | null }
  | { name: 'aTraiter' }
  | { name: 'registre' }
  | { name: 'labelReglages' }
  | { name: 'comptes' }
  | { name: 'compte'; id: number | null }
  | { name: 'audit'; params: Params }
  | { name: 'reglages' }
  | { name: 'tableau'; params: Params }
  | { name: 'bilan'; params: Params }
  | { name: 'mesContacts' }
  | { name: 'redaction'; params: Params }
  | { name: 'editeur'; kind: 'fiche' | 'contact'; id: string | null; params: Params }
  | { name: 'revision' }
  | { name: 'manques'; params: Params }
  | { name: 'vocabulaire' }
  | { name: 'flash' }
  | { name: 'flashArchives' }
  | { name: 'flashForm'; id: number | null }
  | { name: 'notFound'; hash: string };

/** A list page's filters, as they appear in its hash (« #/points?entite=ville&statut=labellise »). */
export type Params = Record<string, string>;

/**
 * The registries' pages: a list (with filters), a record, its form (« modifier »), and a new record's form.
 * Hash paths are French; route names are the code's.
 */
const COLLECTIONS = {
  points: { list: 'points', one: 'point', form: 'pointForm', nouveau: 'nouveau' },
  agents: { list: 'agents', one: 'agent', form: 'agentForm', nouveau: 'nouveau' },
  formations: { list: 'formations', one: 'formation', form: 'formationForm', nouveau: 'nouvelle' },
} as const;

type CollectionPath = keyof typeof COLLECTIONS;
type CollectionPage = {
  [P in CollectionPath]: (typeof COLLECTIONS)[P]['list' | 'one' | 'form'];
}[CollectionPath];

/** Fixed pages with no parameter, by hash path. */
const FIXED = {
  'agents/import': 'agentsImport',
  'a-traiter': 'aTraiter',
  registre: 'registre',
  'label/reglages': 'labelReglages',
  comptes: 'comptes',
  reglages: 'reglages',
  'mes-contacts': 'mesContacts',
  'a-revoir': 'revision',
  vocabulaire: 'vocabulaire',
  problemes: 'problemes',
  import: 'import',
  flash: 'flash',
  'flash/archives': 'flashArchives',
} as const satisfies Record<string, Route['name']>;

type FixedName = (typeof FIXED)[keyof typeof FIXED];

function paramsOf(search: URLSearchParams): Params {
  const params: Params = {};
  for (const [key, value] of search) if (value !== '') params[key] = value;
  return params;
}

function recordId(text: string | undefined): number | null {
  return text !== undefined && /^[1-9]\d{0,15}$/.test(text) ? Number(text) : null;
}

function pageRoute(segments: string[], params: URLSearchParams): Route | null {
  const fixed = FIXED[segments.join('/') as keyof typeof FIXED] as FixedName | undefined;
  if (fixed) return { name: fixed } as Route;
  const [first, second, third] = segments;
  if (segments.length === 1 && (first === 'audit' || first === 'tableau' || first === 'bilan'))
    return { name: first, params: paramsOf(params) };
  if (segments.length === 1 && first === 'manques') return { name: 'manques', params: paramsOf(params) };
  if (first === 'redaction') return editorRoute(segments.slice(1), params);
  if (first === 'comptes' && segments.length === 2) {
    if (second === 'nouveau') return { name: 'compte', id: null };
    const id = recordId(second);
    return id === null ? null : { name: 'compte', id };
  }
  if (first === 'flash' && segments.length === 2) {
    if (second === 'nouvelle') return { name: 'flashForm', id: null };
    const id = recordId(second);
    return id === null ? null : { name: 'flashForm', id };
  }
  if (first === undefined || !Object.hasOwn(COLLECTIONS, first)) return null;
  const collection = COLLECTIONS[first as CollectionPath];
  if (segments.length === 1) return { name: collection.list, params: paramsOf(params) };
  if (segments.length === 2 && second === collection.nouveau) return { name: collection.form, id: null };
  const id = recordId(second);
  if (id === null) return null;
  if (segments.length === 2) return { name: collection.one, id };
  if (segments.length === 3 && third === 'modifier') return { name: collection.form, id };
  return null;
}

/**
 * The editors' pages: « #/redaction » (the list), « #/redaction/fiche/nouvelle?complete=F1344 » (a new one, with
 * what to prefill), « #/redaction/contact/mairie » (an existing one).
 */
function editorRoute(rest: string[], params: URLSearchParams): Route | null {
  if (rest.length === 0) return { name: 'redaction', params: paramsOf(params) };
  const [kind, target] = rest;
  if (rest.length !== 2 || (kind !== 'fiche' && kind !== 'contact') || target === undefined) return null;
  const nouveau = kind === 'fiche' ? 'nouvelle' : 'nouveau';
  if (target === nouveau) return { name: 'editeur', kind, id: null, params: paramsOf(params) };
  const id = decode(target);
  return id === null || id === '' ? null : { name: 'editeur', kind, id, params: paramsOf(params) };
}

/** The hash path of a fixed page. */
function fixedPath(name: FixedName): string {
  for (const [path, fixed] of Object.entries(FIXED)) if (fixed === name) return path;
  return '';
}

/** The hash path of the collection a registry page belongs to. */
function collectionPath(name: CollectionPage): CollectionPath {
  for (const [path, collection] of Object.entries(COLLECTIONS) as Array<
    [CollectionPath, (typeof COLLECTIONS)[CollectionPath]]
  >) {
    if (collection.list === name || collection.one === name || collection.form === name) return path;
  }
  return 'points';
}

function formatParams(params: Params): string {
  return query(
    Object.keys(params)
      .sort()
      .map((key): [string, string] => [key, params[key] ?? '']),
  );
}

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
  const page = pageRoute(segments, params);
  if (page) return page;
  if (segments.length === 3 && first === 'fiche' && second !== undefined && segments[2] === 'usager') {
    const id = decode(second);
    return id === null || id === '' ? notFound : { name: 'usager', id };
  }
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
    case 'usager':
      return `#/fiche/${encodeURIComponent(route.id)}/usager`;
    case 'notFound':
      return route.hash;
    case 'problemes':
    case 'import':
    case 'agentsImport':
    case 'aTraiter':
    case 'registre':
    case 'labelReglages':
    case 'comptes':
    case 'reglages':
    case 'mesContacts':
    case 'revision':
    case 'vocabulaire':
    case 'flash':
    case 'flashArchives':
      return `#/${fixedPath(route.name)}`;
    case 'flashForm':
      return `#/flash/${route.id ?? 'nouvelle'}`;
    // Lists with filters: the hash path is the route's name.
    case 'points':
    case 'agents':
    case 'formations':
    case 'audit':
    case 'tableau':
    case 'bilan':
    case 'manques':
    case 'redaction':
      return `#/${route.name}${formatParams(route.params)}`;
    case 'point':
    case 'agent':
    case 'formation':
      return `#/${collectionPath(route.name)}/${route.id}`;
    case 'pointForm':
    case 'agentForm':
    case 'formationForm': {
      const path = collectionPath(route.name);
      return route.id === null ? `#/${path}/${COLLECTIONS[path].nouveau}` : `#/${path}/${route.id}/modifier`;
    }
    case 'compte':
      return `#/comptes/${route.id ?? 'nouveau'}`;
    case 'editeur': {
      const target =
        route.id === null ? (route.kind === 'fiche' ? 'nouvelle' : 'nouveau') : encodeURIComponent(route.id);
      return `#/redaction/${route.kind}/${target}${formatParams(route.params)}`;
    }
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
