// Issue 17: the planner bounds the work of any query (see QUERY_LIMITS).
import { describe, expect, it } from 'vitest';
import { methods } from '../../../common/contract';
import { terms } from './analyzer';
import { QUERY_LIMITS, capQuery, fuzzyDistance, planQuery } from './planner';
import { SynonymTable } from './synonyms';
import { Vocabulary } from './indexed-terms';

const synonyms = new SynonymTable([['cni', "carte nationale d'identité"]]);
const vocabulary = new Vocabulary(terms('passeport carte nationale identité perdue logement social mairie'));
const plan = (input: string) => planQuery(input, synonyms, vocabulary);
const kinds = (input: string) => plan(input).concepts.map((c) => c.alternatives.map((a) => a.kind).join('+'));

describe('query limits', () => {
  it('seeks typos only in words of a sane length', () => {
    expect(fuzzyDistance('pasport')).toBe(2);
    expect(fuzzyDistance('a'.repeat(QUERY_LIMITS.fuzzyMaxLength))).toBe(2);
    expect(fuzzyDistance('a'.repeat(QUERY_LIMITS.fuzzyMaxLength + 1))).toBe(0);
    expect(kinds(`${'bcdfghjklmnpqrstvwxz'.repeat(20)} `)).toEqual(['exact']);
  });

  it('looks a very long word up as written, even while it is being typed', () => {
    expect(kinds('x'.repeat(QUERY_LIMITS.literalLength + 1))).toEqual(['exact']);
    expect(kinds('x'.repeat(QUERY_LIMITS.literalLength))).toEqual(['exact+prefix']);
    expect(kinds(`passeport ${'ab'.repeat(60)} mairi`)).toEqual(['exact', 'exact', 'exact+prefix']);
  });

  it('allows typos in a few words of a query only', () => {
    const unknown = Array.from(
      { length: 30 },
      (_, i) => `motinconnu${String.fromCharCode(97 + (i % 26))}${i}`,
    );
    const fuzzy = plan(`${unknown.join(' ')} `).concepts.filter((c) =>
      c.alternatives.some((a) => a.kind === 'fuzzy'),
    );
    expect(fuzzy.length).toBe(QUERY_LIMITS.maxFuzzyConcepts);
  });

  it('keeps at most maxConcepts concepts, the known words first, in the order of the query', () => {
    const noise = Array.from({ length: 100 }, (_, i) => `bruit${i}x`).join(' ');
    const result = plan(`${noise} passeport ${noise} mairie perd`);
    expect(result.concepts.length).toBe(QUERY_LIMITS.maxConcepts);
    expect(result.long).toBe(true);
    const texts = result.concepts.map((c) => c.text);
    expect(texts.slice(0, 2)).toEqual(['bruit0x', 'bruit1x']);
    expect(texts).toContain('passeport');
    expect(texts).toContain('mairie');
    // The word being typed stays, with its prefix.
    expect(result.concepts.at(-1)?.text).toBe('perd');
    expect(result.concepts.at(-1)?.alternatives.map((a) => a.kind)).toContain('prefix');
  });

  it('reads at most maxChars characters, cut between words', () => {
    const long = 'passeport '.repeat(1000);
    const capped = capQuery(long);
    expect(capped.length).toBeLessThanOrEqual(QUERY_LIMITS.maxChars);
    expect(capped.endsWith(' ')).toBe(true);
    expect(capQuery('court')).toBe('court');
    expect(capQuery('x'.repeat(5000)).trim().length).toBe(QUERY_LIMITS.maxChars);
    // Cut text is not a word being typed.
    expect(kinds(`${'mairie '.repeat(400)}passep`)).toEqual(['exact']);
  });

  it('accepts in the contract exactly what the engine reads', () => {
    const input = methods['search.query'].input;
    expect(input.safeParse({ q: 'x'.repeat(QUERY_LIMITS.maxChars) }).success).toBe(true);
    expect(input.safeParse({ q: 'x'.repeat(QUERY_LIMITS.maxChars + 1) }).success).toBe(false);
    expect(methods['contacts.search'].input.safeParse({ q: 'x'.repeat(501) }).success).toBe(false);
  });
});
