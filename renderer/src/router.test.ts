import { describe, expect, it } from 'vitest';
import type { Route } from './router';
import { formatRoute, parseHash, searchRoute, toggleTheme } from './router';

describe('parseHash', () => {
  it('reads the search page, with or without its query', () => {
    expect(parseHash('')).toEqual({ name: 'search', q: '', themes: [] });
    expect(parseHash('#/')).toEqual({ name: 'search', q: '', themes: [] });
    expect(parseHash('#/?q=carte%20d%27identit%C3%A9&themes=identite,etat-civil')).toEqual({
      name: 'search',
      q: "carte d'identité",
      themes: ['identite', 'etat-civil'],
    });
  });

  it('ignores empty and repeated thèmes', () => {
    expect(parseHash('#/?q=x&themes=,identite,,identite')).toEqual({
      name: 'search',
      q: 'x',
      themes: ['identite'],
    });
  });

  it('reads the origin filter, and ignores an unknown origin', () => {
    expect(parseHash('#/?q=carte&origine=national')).toEqual({
      name: 'search',
      q: 'carte',
      themes: [],
      origine: 'national',
    });
    expect(parseHash('#/?q=carte&themes=identite&origine=local')).toEqual({
      name: 'search',
      q: 'carte',
      themes: ['identite'],
      origine: 'local',
    });
    const unknown = parseHash('#/?q=carte&origine=europeen');
    expect(unknown).toEqual({ name: 'search', q: 'carte', themes: [] });
    expect('origine' in unknown).toBe(false);
  });

  it('reads fiches, contacts, the directory, the problems and the import pages', () => {
    expect(parseHash('#/fiche/pacs')).toEqual({ name: 'fiche', id: 'pacs' });
    expect(parseHash('#/fiche/pacs/usager')).toEqual({ name: 'usager', id: 'pacs' });
    expect(parseHash('#/fiche/%E0%A4%A/usager')).toEqual({
      name: 'notFound',
      hash: '#/fiche/%E0%A4%A/usager',
    });
    expect(parseHash('#/contact/etat-civil')).toEqual({ name: 'contact', id: 'etat-civil' });
    expect(parseHash('#/annuaire')).toEqual({ name: 'annuaire', q: '' });
    expect(parseHash('#/annuaire?q=ccas')).toEqual({ name: 'annuaire', q: 'ccas' });
    expect(parseHash('#/problemes')).toEqual({ name: 'problemes' });
    expect(parseHash('#/import')).toEqual({ name: 'import' });
  });

  it('reports unknown or malformed addresses', () => {
    expect(parseHash('#/inconnu')).toEqual({ name: 'notFound', hash: '#/inconnu' });
    expect(parseHash('#/fiche')).toEqual({ name: 'notFound', hash: '#/fiche' });
    expect(parseHash('#/fiche/a/b')).toEqual({ name: 'notFound', hash: '#/fiche/a/b' });
    expect(parseHash('#/fiche/%E0%A4%A')).toEqual({ name: 'notFound', hash: '#/fiche/%E0%A4%A' });
  });
});

describe('formatRoute', () => {
  it('writes short hashes', () => {
    expect(formatRoute({ name: 'search', q: '', themes: [] })).toBe('#/');
    expect(formatRoute({ name: 'search', q: 'passeport', themes: [] })).toBe('#/?q=passeport');
    expect(formatRoute({ name: 'search', q: 'a b&c', themes: ['identite'] })).toBe(
      '#/?q=a%20b%26c&themes=identite',
    );
    expect(formatRoute({ name: 'search', q: 'carte', themes: ['identite'], origine: 'national' })).toBe(
      '#/?q=carte&themes=identite&origine=national',
    );
    expect(formatRoute({ name: 'search', q: 'carte', themes: [], origine: 'local' })).toBe(
      '#/?q=carte&origine=local',
    );
    expect(formatRoute({ name: 'annuaire', q: '' })).toBe('#/annuaire');
    expect(formatRoute({ name: 'fiche', id: 'pacs' })).toBe('#/fiche/pacs');
    expect(formatRoute({ name: 'problemes' })).toBe('#/problemes');
    expect(formatRoute({ name: 'import' })).toBe('#/import');
  });

  it('round-trips through parseHash', () => {
    const routes: Route[] = [
      { name: 'search', q: 'état civil + mariage ?', themes: ['etat-civil', 'identite'] },
      { name: 'search', q: '', themes: ['identite'] },
      { name: 'search', q: '100 % #1 /x', themes: [] },
      { name: 'search', q: 'carte grise', themes: ['stationnement'], origine: 'national' },
      { name: 'search', q: '', themes: [], origine: 'local' },
      { name: 'annuaire', q: "Hôtel de Ville d'en bas" },
      { name: 'fiche', id: 'carte_identite-2' },
      { name: 'usager', id: 'a b/c' },
      { name: 'contact', id: 'a b/c' },
      { name: 'problemes' },
      { name: 'import' },
    ];
    for (const route of routes) expect(parseHash(formatRoute(route))).toEqual(route);
  });
});

describe('searchRoute', () => {
  it('keeps the origin key only when an origin is chosen', () => {
    expect(searchRoute('carte')).toEqual({ name: 'search', q: 'carte', themes: [] });
    expect('origine' in searchRoute('carte', [], undefined)).toBe(false);
    expect(searchRoute('carte', ['identite'], 'national')).toEqual({
      name: 'search',
      q: 'carte',
      themes: ['identite'],
      origine: 'national',
    });
  });
});

describe('toggleTheme', () => {
  it('adds then removes a thème', () => {
    expect(toggleTheme(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggleTheme(['a', 'b'], 'a')).toEqual(['b']);
  });
});

describe('the registries’ routes', () => {
  const cases: Array<[string, Route]> = [
    ['#/points', { name: 'points', params: {} }],
    [
      '#/points?entite=ville&statut=labellise',
      { name: 'points', params: { entite: 'ville', statut: 'labellise' } },
    ],
    ['#/points/nouveau', { name: 'pointForm', id: null }],
    ['#/points/12', { name: 'point', id: 12 }],
    ['#/points/12/modifier', { name: 'pointForm', id: 12 }],
    ['#/agents', { name: 'agents', params: {} }],
    ['#/agents/import', { name: 'agentsImport' }],
    ['#/agents/nouveau', { name: 'agentForm', id: null }],
    ['#/agents/5', { name: 'agent', id: 5 }],
    ['#/agents/5/modifier', { name: 'agentForm', id: 5 }],
    ['#/formations', { name: 'formations', params: {} }],
    ['#/formations/nouvelle', { name: 'formationForm', id: null }],
    ['#/formations/3', { name: 'formation', id: 3 }],
    ['#/formations/3/modifier', { name: 'formationForm', id: 3 }],
    ['#/a-traiter', { name: 'aTraiter' }],
    ['#/registre', { name: 'registre' }],
    ['#/label/reglages', { name: 'labelReglages' }],
    ['#/comptes', { name: 'comptes' }],
    ['#/comptes/nouveau', { name: 'compte', id: null }],
    ['#/comptes/4', { name: 'compte', id: 4 }],
    ['#/audit?objet=label', { name: 'audit', params: { objet: 'label' } }],
    ['#/reglages', { name: 'reglages' }],
    [
      '#/tableau?au=2026-12-31&du=2026-01-01',
      { name: 'tableau', params: { du: '2026-01-01', au: '2026-12-31' } },
    ],
    ['#/bilan?annee=2026', { name: 'bilan', params: { annee: '2026' } }],
    ['#/mes-contacts', { name: 'mesContacts' }],
    ['#/redaction', { name: 'redaction', params: {} }],
    ['#/redaction?statut=brouillon', { name: 'redaction', params: { statut: 'brouillon' } }],
    [
      '#/redaction/fiche/nouvelle?complete=F1344',
      { name: 'editeur', kind: 'fiche', id: null, params: { complete: 'F1344' } },
    ],
    ['#/redaction/contact/nouveau', { name: 'editeur', kind: 'contact', id: null, params: {} }],
    [
      '#/redaction/fiche/carte-identite',
      { name: 'editeur', kind: 'fiche', id: 'carte-identite', params: {} },
    ],
    ['#/a-revoir', { name: 'revision' }],
    ['#/manques?du=2026-01-01', { name: 'manques', params: { du: '2026-01-01' } }],
    ['#/vocabulaire', { name: 'vocabulaire' }],
    ['#/problemes', { name: 'problemes' }],
    ['#/import', { name: 'import' }],
    ['#/flash', { name: 'flash' }],
    ['#/flash/archives', { name: 'flashArchives' }],
    ['#/flash/nouvelle', { name: 'flashForm', id: null }],
    ['#/flash/7', { name: 'flashForm', id: 7 }],
  ];

  it.each(cases)('reads and writes %s', (hash, route) => {
    expect(parseHash(hash)).toEqual(route);
    expect(formatRoute(route)).toBe(hash);
  });

  it('refuses ids that are not positive integers', () => {
    for (const hash of [
      '#/points/0',
      '#/points/abc',
      '#/agents/5/supprimer',
      '#/comptes/-1',
      '#/formations/1e3',
      '#/flash/0',
    ])
      expect(parseHash(hash)).toEqual({ name: 'notFound', hash });
  });
});
