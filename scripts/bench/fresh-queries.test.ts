import { describe, expect, it } from 'vitest';
import { FRESH_KINDS, freshQueries } from './fresh-queries';
import { timeFresh } from './fresh-timing';

const source = {
  titles: [
    'Passeport biométrique : demande et renouvellement',
    "Carte nationale d'identité perdue ou volée",
    'Inscription sur les listes électorales',
    'Déclaration de naissance en mairie',
    'Allocation de logement familiale',
    'Permis de construire une maison individuelle',
  ],
  keywords: ['passeport', 'cni', 'élections', 'naissance', 'logement', 'urbanisme'],
  resumes: [
    'Le passeport est délivré par la mairie équipée d’une station biométrique, sur rendez-vous, en quelques semaines.',
    'La déclaration de naissance est obligatoire dans les cinq jours qui suivent l’accouchement, à la mairie du lieu.',
  ],
  relevance: [
    { query: 'cni perdue', kind: 'short' as const },
    { query: 'Bonjour, comment refaire mon passeport volé ?', kind: 'long' as const },
  ],
};

describe('fresh benchmark queries', () => {
  it('never repeats a query, between kinds nor between the warm-up and the measure', () => {
    const { warmup, measure } = freshQueries(source, 5);
    const all = FRESH_KINDS.flatMap((kind) => [...warmup[kind], ...measure[kind]]);
    expect(new Set(all).size).toBe(all.length);
    for (const kind of FRESH_KINDS) expect(measure[kind].length, kind).toBeGreaterThan(0);
  });

  it('is the same for the same seed', () => {
    expect(freshQueries(source, 5, 7)).toEqual(freshQueries(source, 5, 7));
  });

  it('takes the relevance set’s queries for their kinds', () => {
    const { warmup, measure } = freshQueries(source, 5);
    expect([...warmup['desk words'], ...measure['desk words']]).toContain('cni perdue');
  });

  it('times each measured query once fresh and once repeated, after the warm-up', () => {
    const seen: string[] = [];
    const queries = freshQueries(source, 3);
    let cleared = 0;
    const timings = timeFresh(
      { search: (query) => (seen.push(query), query.length % 2) },
      queries,
      () => cleared++,
    );
    expect(cleared).toBe(1);
    const warm = FRESH_KINDS.flatMap((kind) => queries.warmup[kind]);
    const measured = FRESH_KINDS.flatMap((kind) => [...queries.measure[kind], ...queries.measure[kind]]);
    expect(seen).toHaveLength(warm.length + measured.length);
    for (const kind of FRESH_KINDS) expect(timings.get(kind)?.count).toBe(queries.measure[kind].length);
  });
});
