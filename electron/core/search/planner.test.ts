import { describe, expect, it } from 'vitest';
import { terms } from './analyzer';
import { BOOST, LONG_QUERY_CONCEPTS, planQuery, satisfiedConcepts } from './planner';
import { SynonymTable } from './synonyms';
import { Vocabulary } from './indexed-terms';

const synonyms = new SynonymTable([
  ['cni', "carte nationale d'identité", "carte d'identité"],
  ['hlm', 'logement social'],
]);
const vocabulary = new Vocabulary(
  terms('passeport carte nationale identité perdue logement social encombrants mairie'),
);

const kinds = (input: string) =>
  planQuery(input, synonyms, vocabulary).concepts.map((c) => c.alternatives.map((a) => a.kind).join('+'));

describe('query planner', () => {
  it('adds a prefix only to the word being typed', () => {
    expect(kinds('passeport mairi')).toEqual(['exact', 'exact+prefix']);
    expect(kinds('passeport mairie ')).toEqual(['exact', 'exact']);
  });

  it('allows typos only on long words the index does not know', () => {
    expect(kinds('pasport ')).toEqual(['exact+fuzzy']);
    expect(kinds('passeport ')).toEqual(['exact']);
    expect(kinds('vol ')).toEqual(['exact']);
    const fuzzy = planQuery('pasport ', synonyms, vocabulary).concepts[0]?.alternatives[1];
    expect(fuzzy?.editDistance).toBe(2);
  });

  it('does not fuzz the word being typed while a known term starts with it', () => {
    expect(kinds('passep')).toEqual(['exact+prefix']);
  });

  it('expands synonyms both ways, multi-word expressions included', () => {
    const [cni] = planQuery('cni perdue', synonyms, vocabulary).concepts;
    expect(cni?.text).toBe('cni');
    expect(cni?.alternatives.filter((a) => a.kind === 'synonym').map((a) => a.terms)).toEqual([
      terms("carte nationale d'identité"),
      terms("carte d'identité"),
    ]);
    const [phrase] = planQuery('logement social ', synonyms, vocabulary).concepts;
    expect(phrase?.text).toBe('logement social');
    expect(phrase?.alternatives.map((a) => a.terms)).toContainEqual(['hlm']);
  });

  it('treats a pasted question as a long query and merges repeated words', () => {
    const question =
      'Bonjour, mon passeport est perdu, je voudrais refaire mon passeport rapidement avant mon voyage en juin';
    const plan = planQuery(question, synonyms, vocabulary);
    expect(plan.long).toBe(true);
    expect(plan.concepts.length).toBeGreaterThanOrEqual(LONG_QUERY_CONCEPTS);
    expect(plan.concepts.filter((c) => c.text.toLowerCase() === 'passeport')).toHaveLength(1);
    expect(planQuery('passeport perdu', synonyms, vocabulary).long).toBe(false);
  });

  it('tells which concepts a document satisfies from its matched terms', () => {
    const plan = planQuery('cni perdue', synonyms, vocabulary);
    expect(satisfiedConcepts(plan, terms("carte d'identité perdue"))).toEqual([true, true]);
    expect(satisfiedConcepts(plan, terms('carte perdue'))).toEqual([false, true]);
    const typo = planQuery('pasport ', synonyms, vocabulary);
    expect(satisfiedConcepts(typo, terms('passeport'))).toEqual([true]);
    const typing = planQuery('encomb', synonyms, vocabulary);
    expect(satisfiedConcepts(typing, terms('encombrants'))).toEqual([true]);
  });
});

describe('a first word being typed', () => {
  it('is a prefix even when its first letters spell a stop word', () => {
    expect(planQuery('ca', synonyms, vocabulary).concepts).toEqual([
      { text: 'ca', alternatives: [{ kind: 'prefix', terms: ['ca'], boost: BOOST.prefix }] },
    ]);
    expect(planQuery('ca ', synonyms, vocabulary).concepts).toEqual([]);
    expect(planQuery('carte de', synonyms, vocabulary).concepts.map((c) => c.text)).toEqual(['carte']);
  });
});

describe('a pasted question', () => {
  const vocabulary = { has: () => true, hasPrefix: () => true };
  const synonyms = new SynonymTable([]);
  const texts = (query: string) => planQuery(query, synonyms, vocabulary).concepts.map((c) => c.text);

  it('is planned on its need, not its story: narrative words are dropped', () => {
    const question =
      'Bonjour, je suis divorcée depuis deux ans et mon ex-mari ne paie plus vraiment la pension, que faire ?';
    const plan = planQuery(question, synonyms, vocabulary);
    expect(plan.long).toBe(true);
    expect(texts(question)).toEqual(expect.arrayContaining(['divorcée', 'pension', 'paie']));
    expect(texts(question)).not.toContain('depuis');
    expect(texts(question)).not.toContain('vraiment');
  });

  it('keeps every word of a desk query, even a narrative one', () => {
    expect(texts('depuis hier')).toEqual(['depuis', 'hier']);
  });
});
