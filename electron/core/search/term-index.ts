import { fuzzyMatches } from './levenshtein';
import { Vocabulary } from './indexed-terms';
import type { WordPrefixes } from './word-prefixes';

/** How many terms a fuzzy word may stand for: the nearest, then the most frequent. */
export const FUZZY_EXPANSION_CAP = 50;

/** From this many terms, a misspelt word is not looked for among the terms of a single document. */
export const FUZZY_RARE_TERMS_FROM = 5_000;

/** lunr's serialised index, as `Index.toJSON()` writes it. */
export interface SerializedLunrIndex {
  fields: string[];
  fieldVectors: Array<[string, number[]]>;
  invertedIndex: Array<[string, { _index: number }]>;
}

/** The documents holding one term: parallel arrays sorted by document number. */
export interface Posting {
  docs: Int32Array;
  /** lunr's BM25 weight of the term in the document, field boosts included, summed over its fields. */
  weights: Float32Array;
  /** One bit per field the term occurs in (bit i = fields[i]). */
  fields: Uint8Array;
}

/**
 * A term-at-a-time view of a lunr index. lunr scores a query by taking the dot product of the query with the
 * *whole* field vector of every matching document, which costs the length of every matching document; reading
 * the same BM25 weights (computed by lunr at build time) term by term costs only the postings of the query's
 * terms. Built straight from the serialised index, without `lunr.Index.load`.
 */
export class TermIndex {
  readonly refs: string[];
  readonly fields: string[];
  readonly vocabulary: Vocabulary;
  private readonly postings = new Map<string, Posting>();
  /** Recent prefix and fuzzy expansions: agents type the same first letters all day. */
  private readonly prefixCache = new Map<string, string[]>();
  private fuzzyVocabulary: string[] | undefined;

  /** With the index's words, prefixes are matched on words as written; without, on terms. */
  constructor(
    serialized: SerializedLunrIndex,
    private readonly words?: WordPrefixes,
  ) {
    this.fields = serialized.fields;
    const termOf: string[] = [];
    for (const [term, entry] of serialized.invertedIndex) termOf[entry._index] = term;
    this.vocabulary = new Vocabulary(termOf.filter((term) => term !== undefined));

    const refIndex = new Map<string, number>();
    this.refs = [];
    const fieldIndex = new Map(this.fields.map((field, i) => [field, i]));
    // Per term, flat triples (doc, weight, field bits); a document's fields come one after the other.
    const building = new Map<number, number[]>();
    for (const [fieldRef, elements] of serialized.fieldVectors) {
      const slash = fieldRef.indexOf('/');
      const bit = 1 << (fieldIndex.get(fieldRef.slice(0, slash)) ?? 0);
      const ref = fieldRef.slice(slash + 1);
      let doc = refIndex.get(ref);
      if (doc === undefined) {
        doc = this.refs.length;
        refIndex.set(ref, doc);
        this.refs.push(ref);
      }
      for (let k = 0; k < elements.length; k += 2) {
        const termIndex = elements[k] ?? 0;
        const weight = elements[k + 1] ?? 0;
        let list = building.get(termIndex);
        if (!list) building.set(termIndex, (list = []));
        const last = list.length - 3;
        if (last >= 0 && list[last] === doc) {
          list[last + 1] = (list[last + 1] ?? 0) + weight;
          list[last + 2] = (list[last + 2] ?? 0) | bit;
        } else list.push(doc, weight, bit);
      }
    }
    for (const [termIndex, list] of building) {
      const term = termOf[termIndex];
      if (term === undefined) continue;
      const size = list.length / 3;
      const posting: Posting = {
        docs: new Int32Array(size),
        weights: new Float32Array(size),
        fields: new Uint8Array(size),
      };
      for (let i = 0; i < size; i++) {
        posting.docs[i] = list[3 * i] ?? 0;
        posting.weights[i] = list[3 * i + 1] ?? 0;
        posting.fields[i] = list[3 * i + 2] ?? 0;
      }
      this.postings.set(term, posting);
    }
  }

  /**
   * The terms a misspelt word may stand for. In a large base (the national fiches), those of two documents or
   * more, without digits: a word found in a single fiche there is a name, a reference or a slip in the text, not
   * what an agent meant to type, and leaving these out halves the walk of the vocabulary. A commune's own base
   * is small: every term counts.
   */
  private fuzzyTargets(): readonly string[] {
    const all = this.vocabulary.terms();
    if (all.length < FUZZY_RARE_TERMS_FROM) return all;
    this.fuzzyVocabulary ??= all.filter((term) => this.frequency(term) >= 2 && !/\d/.test(term));
    return this.fuzzyVocabulary;
  }

  /** Forgets the recent expansions (the benchmark measures what they buy). */
  clearCaches(): void {
    this.prefixCache.clear();
  }

  /** Whether some indexed word starts with `foldedWord` (the planner's question for the word being typed). */
  hasPrefix(foldedWord: string): boolean {
    return this.words ? this.words.has(foldedWord) : this.vocabulary.hasPrefix(foldedWord);
  }

  has(term: string): boolean {
    return this.postings.has(term);
  }

  fieldBit(field: string): number {
    const index = this.fields.indexOf(field);
    return index < 0 ? 0 : 1 << index;
  }

  posting(term: string): Posting | undefined {
    return this.postings.get(term);
  }

  /** How many documents hold the term. */
  frequency(term: string): number {
    return this.postings.get(term)?.docs.length ?? 0;
  }

  /**
   * The terms starting with `prefix`; past `max` of them, the most frequent ones: a one- or two-letter prefix
   * would otherwise pull half the vocabulary, for words the agent has not finished typing.
   */
  expandPrefix(prefix: string, max: number): string[] {
    const key = `${max}:${prefix}`;
    let expansion = this.prefixCache.get(key);
    if (!expansion) {
      const terms = this.words
        ? this.words.terms(prefix).filter((term) => this.postings.has(term))
        : this.vocabulary.withPrefix(prefix);
      expansion =
        terms.length <= max
          ? terms
          : terms.sort((a, b) => this.frequency(b) - this.frequency(a)).slice(0, max);
      if (this.prefixCache.size >= 2000) this.prefixCache.clear();
      this.prefixCache.set(key, expansion);
    }
    return expansion;
  }

  /**
   * The terms within `distance` edits of `term`, at most `max` of them (the nearest, then the most frequent),
   * by a bounded walk over the sorted vocabulary (see fuzzyMatches): never lunr's automaton, which grows
   * combinatorially with the word's length.
   */
  expandFuzzy(term: string, distance: number, max = FUZZY_EXPANSION_CAP): string[] {
    const key = `~${distance}:${max}:${term}`;
    let expansion = this.prefixCache.get(key);
    if (!expansion) {
      expansion = fuzzyMatches(this.fuzzyTargets(), term, distance)
        .sort(
          (a, b) =>
            a.distance - b.distance ||
            this.frequency(b.term) - this.frequency(a.term) ||
            (a.term < b.term ? -1 : 1),
        )
        .slice(0, max)
        .map((match) => match.term);
      if (this.prefixCache.size >= 2000) this.prefixCache.clear();
      this.prefixCache.set(key, expansion);
    }
    return expansion;
  }

  /** Whether the document holds the term, by binary search in its posting. */
  holds(term: string, doc: number): boolean {
    const docs = this.postings.get(term)?.docs;
    if (!docs) return false;
    let low = 0;
    let high = docs.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const value = docs[mid] ?? 0;
      if (value === doc) return true;
      if (value < doc) low = mid + 1;
      else high = mid - 1;
    }
    return false;
  }
}
