import { describe, expect, it } from 'vitest';
import { lunr } from './analyzer';
import { FUZZY_CELL_BUDGET, boundedLevenshtein, fuzzyMatches } from './levenshtein';

/** The textbook table (optimal string alignment: a swap of neighbours is one edit), for comparison. */
function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => d[i]?.[j] ?? 0;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      let value = Math.min(
        at(i - 1, j) + 1,
        at(i, j - 1) + 1,
        at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = value;
    }
  }
  return at(a.length, b.length);
}

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
}

const next = random(42);
const word = (alphabet: string, min: number, max: number) =>
  Array.from(
    { length: min + Math.floor(next() * (max - min + 1)) },
    () => alphabet[Math.floor(next() * alphabet.length)],
  ).join('');
const vocabulary = [...new Set(Array.from({ length: 3000 }, () => word('abcde', 1, 9)))].sort();

describe('fuzzy walk over a sorted vocabulary', () => {
  it('finds exactly the terms within reach, with their distance', () => {
    for (let k = 0; k < 20; k++) {
      const target = word('abcdef', 1, 10);
      for (const max of [1, 2, 3]) {
        const expected = vocabulary
          .map((term) => ({ term, distance: osa(target, term) }))
          .filter((match) => match.distance <= max);
        expect(fuzzyMatches(vocabulary, target, max), `${target} ${max}`).toEqual(expected);
      }
    }
  });

  it('agrees with lunr’s fuzzy automaton on ordinary words', () => {
    const TokenSets = lunr.TokenSet as unknown as {
      fromArray(sortedWords: string[]): lunr.TokenSet;
      fromFuzzyString(word: string, editDistance: number): lunr.TokenSet;
    };
    const set = TokenSets.fromArray(vocabulary);
    for (let k = 0; k < 40; k++) {
      const target = word('abcde', 4, 8);
      const distance = target.length >= 7 ? 2 : 1;
      const theirs = set.intersect(TokenSets.fromFuzzyString(target, distance)).toArray().sort();
      expect(fuzzyMatches(vocabulary, target, distance).map((m) => m.term)).toEqual(theirs);
    }
  });

  it('stops at its budget, whatever the word', () => {
    const started = performance.now();
    expect(fuzzyMatches(vocabulary, 'b'.repeat(100_000), 2)).toEqual([]);
    expect(fuzzyMatches(vocabulary, word('abcde', 400, 400), 50).length).toBeLessThanOrEqual(
      vocabulary.length,
    );
    expect(fuzzyMatches(vocabulary, 'abc', 3, 10).length).toBeLessThan(50);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(FUZZY_CELL_BUDGET).toBeLessThanOrEqual(1_000_000);
  });

  it('keeps the bounded distance of two words', () => {
    expect(boundedLevenshtein('passeport', 'pasport', 2)).toBe(2);
    expect(boundedLevenshtein('passeport', 'x', 2)).toBe(3);
  });
});
