import { describe, expect, it } from 'vitest';
import { STOP_WORDS } from '../../electron/core/search/stopwords';
import { buildFtsQuery, FtsSearch, quoteFtsWord } from './fts5';

describe('buildFtsQuery', () => {
  it('quotes every word and requires all of them in a short query', () => {
    expect(buildFtsQuery('acte naissance ')).toBe('"acte" AND "naissance"');
  });

  it('searches the word being typed as a prefix', () => {
    expect(buildFtsQuery('acte naiss')).toBe('"acte" AND "naiss"*');
    expect(buildFtsQuery('p')).toBe('"p"*');
  });

  it('does not take a finished word for a prefix', () => {
    expect(buildFtsQuery('passeport ?')).toBe('"passeport"');
    expect(buildFtsQuery('passeport.')).toBe('"passeport"');
    expect(buildFtsQuery('passeport', { typing: false })).toBe('"passeport"');
  });

  it('doubles a double quote inside a word, and drops the signs around words', () => {
    expect(quoteFtsWord('a"b')).toBe('"a""b"');
    expect(buildFtsQuery('l"école primaire ')).toBe('"l""école" AND "primaire"');
    expect(buildFtsQuery('"passeport" «perdu» ')).toBe('"passeport" AND "perdu"');
  });

  it('keeps operators and column names as plain words', () => {
    expect(buildFtsQuery('titre: NOT OR* ')).toBe('"titre" AND "NOT" AND "OR"');
  });

  it('accepts any word in a long question', () => {
    expect(buildFtsQuery('passeport perdu voyage juillet Canada ?')).toBe(
      '"passeport" OR "perdu" OR "voyage" OR "juillet" OR "Canada"',
    );
  });

  it('drops stop words and elided articles, before counting the words', () => {
    const options = { stopWords: STOP_WORDS };
    expect(buildFtsQuery("acte de naissance d'un enfant ", options)).toBe(
      '"acte" AND "naissance" AND "enfant"',
    );
    // « Où » folds to the stop word « ou ».
    expect(buildFtsQuery('Où est la carte d’identité', options)).toBe('"carte" AND "identité"*');
    // Nothing but stop words: searched as typed rather than not at all.
    expect(buildFtsQuery('de', options)).toBe('"de"*');
  });

  it('has nothing to search in signs alone', () => {
    expect(buildFtsQuery('  ?! ')).toBe('');
    expect(buildFtsQuery('""')).toBe('');
  });
});

describe('FtsSearch', () => {
  const rows = [
    {
      id: 'cni',
      titre: "Carte d'identité",
      mots_cles: 'cni',
      resume: 'Gratuite.',
      themes: 'Identité',
      body: '',
    },
    {
      id: 'passeport',
      titre: 'Passeport',
      mots_cles: '',
      resume: 'Timbre fiscal.',
      themes: 'Identité',
      body: "Apportez votre carte d'identité et une photo.",
    },
  ];

  it('ranks a title match first, folds accents, and finds prefixes', () => {
    const fts = FtsSearch.create(rows, STOP_WORDS);
    try {
      expect(fts.search('identite ').map((hit) => hit.id)).toEqual(['cni', 'passeport']);
      expect(fts.search('passe').map((hit) => hit.id)).toEqual(['passeport']);
      expect(fts.search('photo carte ', 20, true)[0]?.snippet).toContain('<mark>photo</mark>');
      expect(fts.search('photo carte ')[0]).toEqual({ id: 'passeport', titre: 'Passeport' });
      expect(fts.search('"')).toEqual([]);
      expect(fts.sizeBytes()).toBeGreaterThan(0);
    } finally {
      fts.close();
    }
  });
});
