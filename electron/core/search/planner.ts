import { fold } from '../../../common/text';
import { analyze } from './analyzer';
import { boundedLevenshtein } from './levenshtein';
import type { SynonymTable } from './synonyms';
/** What the planner needs to know of an index: its terms, and the beginnings of its words. */
export interface KnownWords {
  has(term: string): boolean;
  hasPrefix(foldedWord: string): boolean;
}

export type AlternativeKind = 'exact' | 'prefix' | 'fuzzy' | 'synonym';

/** One way a document can satisfy a concept: it must hold every term (as a prefix / within the distance). */
export interface Alternative {
  kind: AlternativeKind;
  terms: string[];
  boost: number;
  editDistance?: number;
}

/** What the user meant by one word (or one synonym expression) of the query. */
export interface Concept {
  /** The words of the query behind it, as typed. */
  text: string;
  alternatives: Alternative[];
}

export interface QueryPlan {
  concepts: Concept[];
  /** A pasted question: any concept may be missing, documents are ranked by how many they match. */
  long: boolean;
}

/**
 * The query-planning levers, all on by default; the benchmark turns them off one at a time to show what each
 * one buys.
 */
export interface SearchTuning {
  /** A prefix only for the word being typed (off: for every word). */
  prefixOnlyLastWord: boolean;
  /** Typo tolerance only for long words the index does not know (off: for every word of 4 letters or more). */
  fuzzyOnlyUnknown: boolean;
  /** How many terms a prefix may expand to (Infinity: all). */
  prefixExpansionCap: number;
  /** A prefix of fewer than 4 letters looks in titles and keywords only (off: in every field). */
  fieldsFirst: boolean;
  /** Term-at-a-time scoring on lunr's weights (off: lunr's own query, which scores whole documents). */
  termAtATime: boolean;
}

export const DEFAULT_TUNING: SearchTuning = {
  prefixOnlyLastWord: true,
  fuzzyOnlyUnknown: true,
  prefixExpansionCap: 150,
  fieldsFirst: true,
  termAtATime: true,
};

/** Beyond this many meaningful words, a query is a question to rank by coverage rather than a desk query. */
export const LONG_QUERY_CONCEPTS = 5;

export const BOOST: Record<AlternativeKind, number> = { exact: 1, synonym: 0.8, prefix: 0.5, fuzzy: 0.3 };

/** Typos are only sought on words long enough for an edit not to turn them into another word. */
export function fuzzyDistance(word: string): number {
  if (word.length >= 7) return 2;
  if (word.length >= 4) return 1;
  return 0;
}

/**
 * Turns what the agent typed into concepts, each with the alternatives that satisfy it: the exact stem; the
 * synonyms of synonymes.yml; a prefix only for the word still being typed; a typo allowance only for long words
 * the index does not know (a known word is not a typo, and fuzzy matching it would only add noise).
 */
export function planQuery(
  input: string,
  synonyms: SynonymTable,
  vocabulary: KnownWords,
  tuning: SearchTuning = DEFAULT_TUNING,
): QueryPlan {
  const tokens = analyze(input);
  const termsOfQuery = tokens.map((token) => token.term);
  const typing = input.length > 0 && !/[\s\p{P}]$/u.test(input);
  const concepts: Concept[] = [];

  for (let i = 0; i < tokens.length;) {
    const expression = synonyms.matchAt(termsOfQuery, i);
    const span = expression ? expression.terms.length : 1;
    const words = tokens.slice(i, i + span);
    const text = input.slice(words[0]?.start ?? 0, (words.at(-1)?.start ?? 0) + (words.at(-1)?.length ?? 0));
    const isLast = i + span === tokens.length;
    const alternatives: Alternative[] = [
      { kind: 'exact', terms: termsOfQuery.slice(i, i + span), boost: BOOST.exact },
    ];

    if (expression) {
      for (const other of synonyms.equivalents(expression)) {
        alternatives.push({ kind: 'synonym', terms: other.terms, boost: BOOST.synonym });
      }
    }
    if (span === 1) {
      const token = tokens[i];
      if (token) {
        const beingTyped = isLast && typing;
        // A single letter is not yet a word: expanding it would rank the whole base for nothing.
        const prefixed = token.folded.length >= 2 && (tuning.prefixOnlyLastWord ? beingTyped : true);
        // The prefix is the word as typed, not its stem: "deces" stems to "dec", whose prefix would reach "dechet".
        if (prefixed) alternatives.push({ kind: 'prefix', terms: [token.folded], boost: BOOST.prefix });
        const distance = fuzzyDistance(token.term);
        const known =
          tuning.fuzzyOnlyUnknown &&
          (vocabulary.has(token.term) || (beingTyped && vocabulary.hasPrefix(token.folded)));
        if (!known && distance > 0) {
          alternatives.push({
            kind: 'fuzzy',
            terms: [token.term],
            boost: BOOST.fuzzy,
            editDistance: distance,
          });
        }
      }
    }
    concepts.push({ text, alternatives: dedupe(alternatives) });
    i += span;
  }
  // A first word being typed may look like a stop word for a letter or two: "ca" is on its way to "carte".
  const started = /^\s*([\p{L}\p{N}]{2,3})$/u.exec(input)?.[1];
  if (concepts.length === 0 && started) {
    concepts.push({
      text: started,
      alternatives: [{ kind: 'prefix', terms: [fold(started)], boost: BOOST.prefix }],
    });
  }
  return { concepts: mergeRepeated(concepts), long: concepts.length >= LONG_QUERY_CONCEPTS };
}

function dedupe(alternatives: Alternative[]): Alternative[] {
  const seen = new Set<string>();
  return alternatives.filter((alternative) => {
    const key = `${alternative.kind}:${alternative.terms.join(' ')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A word repeated in a pasted email counts once. */
function mergeRepeated(concepts: Concept[]): Concept[] {
  const seen = new Set<string>();
  return concepts.filter((concept) => {
    const key = concept.alternatives.map((a) => `${a.kind}:${a.terms.join(' ')}`).join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Whether an indexed term that matched a document could have come from this alternative's `term`. */
export function termSatisfies(alternative: Alternative, wanted: string, matched: string): boolean {
  switch (alternative.kind) {
    case 'prefix':
      return matched.startsWith(wanted);
    case 'fuzzy':
      return matched === wanted || levenshteinWithin(wanted, matched, alternative.editDistance ?? 1);
    case 'exact':
    case 'synonym':
      return matched === wanted;
  }
}

function levenshteinWithin(a: string, b: string, max: number): boolean {
  return boundedLevenshtein(a, b, max) <= max;
}

/** Which concepts of the plan a document satisfies, given the index terms that matched it. */
export function satisfiedConcepts(plan: QueryPlan, matchedTerms: readonly string[]): boolean[] {
  return plan.concepts.map((concept) =>
    concept.alternatives.some((alternative) =>
      alternative.terms.every((wanted) =>
        matchedTerms.some((matched) => termSatisfies(alternative, wanted, matched)),
      ),
    ),
  );
}
