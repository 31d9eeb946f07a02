import { fold } from '../../../common/text';
import type { AnalyzedToken } from './analyzer';
import { analyze } from './analyzer';
import { boundedLevenshtein } from './levenshtein';
import { NARRATIVE_WORDS } from './stopwords';
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

/**
 * What keeps every query's work bounded, whatever its text (issue 17: a 400-letter word used to exhaust the heap).
 * A pasted e-mail needs a couple of thousand characters and well under a hundred meaningful words; the agent's
 * typos sit in words of ordinary length; a reference number or a pasted token is matched as written.
 */
export const QUERY_LIMITS = {
  /** Characters of a query considered (the contract accepts as many for `search.query`). */
  maxChars: 2000,
  /** Distinct concepts kept: the words the index knows first, in the order of the query. */
  maxConcepts: 80,
  /** Typos are sought only in words (stems) of this length or shorter… */
  fuzzyMaxLength: 20,
  /** …and in this many words of a query at most: each one walks the vocabulary. */
  maxFuzzyConcepts: 8,
  /** A word longer than this (a reference, a pasted token) is a literal: exact lookup only, no prefix. */
  literalLength: 40,
} as const;

/** Typos are only sought on words long enough for an edit not to turn them into another word, and sane ones. */
export function fuzzyDistance(word: string): number {
  if (word.length > QUERY_LIMITS.fuzzyMaxLength) return 0;
  if (word.length >= 7) return 2;
  if (word.length >= 4) return 1;
  return 0;
}

/** The part of a query the planner reads: its first `maxChars` characters, cut between words when it can. */
export function capQuery(input: string): string {
  if (input.length <= QUERY_LIMITS.maxChars) return input;
  const cut = input.slice(0, QUERY_LIMITS.maxChars);
  const space = cut.search(/\s\S*$/u);
  return space > QUERY_LIMITS.maxChars / 2 ? cut.slice(0, space + 1) : `${cut} `;
}

/** A concept while planning: what the fuzzy allowance and the selection need to know of it. */
interface Draft {
  concept: Concept;
  /** Its one query word when it is not a synonym expression, with whether it is still being typed. */
  token?: AnalyzedToken;
  beingTyped: boolean;
  /** Whether the index holds one of its exact or synonym terms: an unknown word can only match by a typo. */
  known: boolean;
}

/**
 * Turns what the agent typed into concepts, each with the alternatives that satisfy it: the exact stem; the
 * synonyms of synonymes.yml; a prefix only for the word still being typed; a typo allowance only for long words
 * the index does not know (a known word is not a typo, and fuzzy matching it would only add noise). The work is
 * bounded by QUERY_LIMITS whatever the text.
 */
export function planQuery(
  query: string,
  synonyms: SynonymTable,
  vocabulary: KnownWords,
  tuning: SearchTuning = DEFAULT_TUNING,
): QueryPlan {
  const input = capQuery(query);
  const tokens = analyze(input);
  const termsOfQuery = tokens.map((token) => token.term);
  const typing = input.length > 0 && !/[\s\p{P}]$/u.test(input);
  const drafts: Draft[] = [];
  const seen = new Set<string>();
  let count = 0;

  for (let i = 0; i < tokens.length;) {
    const expression = synonyms.matchAt(termsOfQuery, i);
    const span = expression ? expression.terms.length : 1;
    const words = tokens.slice(i, i + span);
    const text = input.slice(words[0]?.start ?? 0, (words.at(-1)?.start ?? 0) + (words.at(-1)?.length ?? 0));
    const isLast = i + span === tokens.length;
    i += span;
    count++;
    const alternatives: Alternative[] = [
      { kind: 'exact', terms: termsOfQuery.slice(i - span, i), boost: BOOST.exact },
    ];
    if (expression) {
      for (const other of synonyms.equivalents(expression)) {
        alternatives.push({ kind: 'synonym', terms: other.terms, boost: BOOST.synonym });
      }
    }
    const token = span === 1 ? words[0] : undefined;
    const beingTyped = token !== undefined && isLast && typing;
    // A reference or a pasted token of tens of letters is looked up as written, never expanded.
    const literal = token !== undefined && token.folded.length > QUERY_LIMITS.literalLength;
    if (token && !literal) {
      // A single letter is not yet a word: expanding it would rank the whole base for nothing.
      const prefixed = token.folded.length >= 2 && (tuning.prefixOnlyLastWord ? beingTyped : true);
      // The prefix is the word as typed, not its stem: "deces" stems to "dec", whose prefix would reach "dechet".
      if (prefixed) alternatives.push({ kind: 'prefix', terms: [token.folded], boost: BOOST.prefix });
    }
    const concept = { text, alternatives: dedupe(alternatives) };
    // A word repeated in a pasted email counts once.
    const key = conceptKey(concept);
    if (seen.has(key)) continue;
    seen.add(key);
    const known = alternatives.some(
      (alternative) =>
        alternative.kind !== 'prefix' && alternative.terms.every((term) => vocabulary.has(term)),
    );
    drafts.push({ concept, token: literal ? undefined : token, beingTyped, known });
  }

  // Repeated words count towards a question's length, as they always have (the quality floors were set so).
  const long = Math.max(count, drafts.length) >= LONG_QUERY_CONCEPTS;
  // A pasted question is ranked by its need, not its story: the narrative words go, unless nothing else is left.
  const needed = long ? drafts.filter((draft) => !isNarrative(draft)) : drafts;
  const kept = selectConcepts(needed.length > 0 ? needed : drafts);
  let fuzzyLeft: number = QUERY_LIMITS.maxFuzzyConcepts;
  for (const { concept, token, beingTyped } of kept) {
    if (!token || fuzzyLeft === 0) continue;
    const distance = fuzzyDistance(token.term);
    const known =
      tuning.fuzzyOnlyUnknown &&
      (vocabulary.has(token.term) || (beingTyped && vocabulary.hasPrefix(token.folded)));
    if (known || distance === 0) continue;
    fuzzyLeft--;
    concept.alternatives.push({
      kind: 'fuzzy',
      terms: [token.term],
      boost: BOOST.fuzzy,
      editDistance: distance,
    });
  }
  const concepts = kept.map((draft) => draft.concept);
  // A first word being typed may look like a stop word for a letter or two: "ca" is on its way to "carte".
  const started = /^\s*([\p{L}\p{N}]{2,3})$/u.exec(input)?.[1];
  if (concepts.length === 0 && started) {
    concepts.push({
      text: started,
      alternatives: [{ kind: 'prefix', terms: [fold(started)], boost: BOOST.prefix }],
    });
  }
  return { concepts, long: long || concepts.length >= LONG_QUERY_CONCEPTS };
}

/**
 * At most `maxConcepts` concepts, in the order of the query: the ones the index knows first, then the unknown
 * ones (which can only match by a typo) while room is left. The word being typed is always kept.
 */
function selectConcepts(drafts: Draft[]): Draft[] {
  const max = QUERY_LIMITS.maxConcepts;
  if (drafts.length <= max) return drafts;
  const keep = new Set<Draft>();
  const last = drafts.at(-1);
  if (last?.beingTyped) keep.add(last);
  for (const draft of drafts) if (keep.size < max && draft.known) keep.add(draft);
  for (const draft of drafts) if (keep.size < max) keep.add(draft);
  return drafts.filter((draft) => keep.has(draft));
}

/** A single word of a citizen's story (« depuis », « vraiment », « savoir ») rather than of their need. */
function isNarrative(draft: Draft): boolean {
  return draft.token !== undefined && !draft.beingTyped && NARRATIVE_WORDS.has(draft.token.folded);
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

function conceptKey(concept: Concept): string {
  return concept.alternatives.map((a) => `${a.kind}:${a.terms.join(' ')}`).join('|');
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
