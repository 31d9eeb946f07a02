import { describe, expect, it } from 'vitest';
import { ficheFile, sampleContent } from '../../../dev/test-support/content';
import { lunr } from './analyzer';
import { buildSearchData } from './index-build';
import { rankWithLunrQuery } from './lunr-ranking';
import { planQuery } from './planner';
import { rankMatches } from './ranking';
import { SynonymTable } from './synonyms';
import type { SerializedLunrIndex } from './term-index';
import { TermIndex } from './term-index';

const data = buildSearchData(sampleContent(), 'hash');
const termIndex = new TermIndex(data.fichesIndex as SerializedLunrIndex);
const lunrIndex = lunr.Index.load(data.fichesIndex);
const synonyms = new SynonymTable(data.knowledge.synonyms);
const plan = (query: string) => planQuery(query, synonyms, termIndex.vocabulary);
const options = { titleField: 'titre', firstFields: [], prefixCap: 150 };

describe('term-at-a-time ranking', () => {
  it('reads the same postings as lunr: every term, every document', () => {
    for (const term of termIndex.vocabulary.terms()) {
      const fromLunr = Object.keys(
        lunrIndex
          .query((q) => q.term(term, { usePipeline: false }))
          .reduce((refs, result) => ({ ...refs, [result.ref]: true }), {} as Record<string, boolean>),
      ).sort();
      const ours = termIndex.refs.filter((_, doc) => termIndex.holds(term, doc)).sort();
      expect(ours, term).toEqual(fromLunr);
    }
  });

  it('keeps the same documents as lunr’s own query under the same coverage rules', () => {
    for (const query of [
      'passeport',
      'carte perdue',
      'cni',
      'rendez-vous mairie',
      'pasport',
      'encom',
      'logement social',
    ]) {
      const ours = rankMatches([{ index: termIndex }], plan(query), options)
        .map((m) => m.ref)
        .sort();
      const theirs = rankWithLunrQuery(lunrIndex, plan(query), 'titre')
        .map((m) => m.ref)
        .sort();
      expect(ours, query).toEqual(theirs);
    }
  });

  it('ranks a title that answers the whole query above a body that mentions it', () => {
    const [first] = rankMatches([{ index: termIndex }], plan('passeport'), options);
    expect(first?.ref).toBe('passeport');
    expect(first?.matched()).toEqual(['passeport']);
  });

  it('caps the expansion of a short prefix to its most frequent terms', () => {
    const all = termIndex.vocabulary.withPrefix('d');
    expect(all.length).toBeGreaterThan(2);
    const capped = termIndex.expandPrefix('d', 2);
    expect(capped).toHaveLength(2);
    const frequencies = all.map((t) => termIndex.frequency(t)).sort((a, b) => b - a);
    expect(capped.map((t) => termIndex.frequency(t))).toEqual(frequencies.slice(0, 2));
  });
});

describe('the word being typed', () => {
  it('matches the beginning of words as written, not of their stems', async () => {
    const { SearchEngine } = await import('./engine');
    const engine = new SearchEngine(data);
    // "rendez-vous" is indexed as "rendez" + "vous"(stop word); "rend" reaches it, "rendezv" does not.
    expect(engine.search('rend').results.map((r) => r.id)).toContain('passeport');
    // "démarches" stems to "demarch": the word being typed "démarc" reaches it through the word.
    expect(engine.search('démarc').results.map((r) => r.id)).toEqual(['acte']);
    // "deces" stems to "dec": its stem's prefix would reach "déchets", the word's does not.
    const deces = new SearchEngine(
      buildSearchData(
        [
          ficheFile('deces', { titre: 'Déclarer un décès' }),
          ficheFile('dechets', { titre: 'Déchets verts' }),
        ],
        'h',
      ),
    );
    expect(deces.search('deces').results.map((r) => r.id)).toEqual(['deces']);
    expect(deces.search('appartemen').results).toEqual([]);
  });
});
