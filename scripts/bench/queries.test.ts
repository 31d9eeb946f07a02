import { describe, expect, it } from 'vitest';
import { LONG_QUESTION, QUERY_KINDS, queriesOf, typedPrefixes, wordCount } from './queries';

describe('benchmark queries', () => {
  it('has at least 30 queries of each kind, and fewer in a quick run', () => {
    for (const kind of QUERY_KINDS) {
      expect(queriesOf(kind).length, kind).toBeGreaterThanOrEqual(30);
      expect(queriesOf(kind, true).length, kind).toBeLessThan(queriesOf(kind).length);
    }
  });

  it('has long questions of 20 to 80 words', () => {
    for (const question of LONG_QUESTION) {
      expect(wordCount(question), question).toBeGreaterThanOrEqual(20);
      expect(wordCount(question), question).toBeLessThanOrEqual(80);
    }
  });

  it('types a word letter by letter', () => {
    expect(typedPrefixes('cni')).toEqual(['c', 'cn', 'cni']);
    expect(typedPrefixes('été')).toEqual(['é', 'ét', 'été']);
    expect(queriesOf('typing', true)).toContain('p');
  });
});
