import { describe, expect, it } from 'vitest';
import type { SerializedLunrIndex } from './term-index';
import { FUZZY_RARE_TERMS_FROM, TermIndex } from './term-index';

/** A serialised index of `filler` terms in document a, plus the given terms per document. */
function indexOf(filler: number, extra: Record<string, string[]>): TermIndex {
  const terms: string[] = [];
  const vectors = new Map<string, number[]>();
  const add = (doc: string, term: string) => {
    let index = terms.indexOf(term);
    if (index < 0) index = terms.push(term) - 1;
    const vector = vectors.get(doc) ?? [];
    vector.push(index, 1);
    vectors.set(doc, vector);
  };
  for (let i = 0; i < filler; i++) add('a', `zz${i.toString(36)}`);
  for (const [doc, docTerms] of Object.entries(extra)) for (const term of docTerms) add(doc, term);
  const serialized: SerializedLunrIndex = {
    fields: ['titre'],
    fieldVectors: [...vectors].map(([doc, vector]) => [`titre/${doc}`, vector]),
    invertedIndex: terms.map((term, i) => [term, { _index: i }]),
  };
  return new TermIndex(serialized);
}

describe('fuzzy expansion', () => {
  const docs = { a: ['maison'], b: ['maison', 'jardin', 'f1040'] };

  it('looks for a misspelt word among every term of a small base', () => {
    const index = indexOf(10, docs);
    expect(index.expandFuzzy('jardim', 1)).toEqual(['jardin']);
    expect(index.expandFuzzy('maisom', 1)).toEqual(['maison']);
  });

  it('leaves out the terms of a single document and those with digits in a large base', () => {
    const index = indexOf(FUZZY_RARE_TERMS_FROM, docs);
    expect(index.expandFuzzy('maisom', 1)).toEqual(['maison']);
    expect(index.expandFuzzy('jardim', 1)).toEqual([]);
    expect(index.expandFuzzy('f1041', 1)).toEqual([]);
  });
});
