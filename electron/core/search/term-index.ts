import { fuzzyMatches } from './levenshtein';
import { Vocabulary } from './indexed-terms';
import type { SortedStrings } from './sorted-strings';
import { sortedArray } from './sorted-strings';
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
 * Every term's posting, flat: term `t` (in the sorted `terms`) holds the entries `offsets[t]` to `offsets[t + 1]`
 * of `docs`, `weights` and `fields`. This is what the binary index stores, read in place.
 */
export interface PostingTable {
  fields: string[];
  refs: string[];
  terms: SortedStrings;
  offsets: Uint32Array;
  docs: Int32Array;
  weights: Float32Array;
  fieldBits: Uint8Array;
}

/**
 * The posting table of a serialised lunr index: per term, the documents in order with lunr's BM25 weights
 * (field boosts included) summed over the fields. Done once, when the index is built (in the worker).
 */
export function postingTableOf(serialized: SerializedLunrIndex): PostingTable {
  const fields = serialized.fields;
  const termOf: string[] = [];
  for (const [term, entry] of serialized.invertedIndex) termOf[entry._index] = term;
  const refIndex = new Map<string, number>();
  const refs: string[] = [];
  const fieldIndex = new Map(fields.map((field, i) => [field, i]));
  // Per term, flat triples (doc, weight, field bits); a document's fields come one after the other.
  const building = new Map<number, number[]>();
  for (const [fieldRef, elements] of serialized.fieldVectors) {
    const slash = fieldRef.indexOf('/');
    const bit = 1 << (fieldIndex.get(fieldRef.slice(0, slash)) ?? 0);
    const ref = fieldRef.slice(slash + 1);
    let doc = refIndex.get(ref);
    if (doc === undefined) {
      doc = refs.length;
      refIndex.set(ref, doc);
      refs.push(ref);
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
  const listOf = new Map<string, number[]>();
  for (const [termIndex, list] of building) {
    const term = termOf[termIndex];
    if (term !== undefined) listOf.set(term, list);
  }
  const terms = [...new Set(termOf.filter((term) => term !== undefined))].sort();
  const offsets = new Uint32Array(terms.length + 1);
  let size = 0;
  terms.forEach((term, t) => {
    offsets[t] = size;
    size += (listOf.get(term)?.length ?? 0) / 3;
  });
  offsets[terms.length] = size;
  const docs = new Int32Array(size);
  const weights = new Float32Array(size);
  const fieldBits = new Uint8Array(size);
  terms.forEach((term, t) => {
    const list = listOf.get(term) ?? [];
    const at = offsets[t] ?? 0;
    for (let i = 0; i < list.length / 3; i++) {
      docs[at + i] = list[3 * i] ?? 0;
      weights[at + i] = list[3 * i + 1] ?? 0;
      fieldBits[at + i] = list[3 * i + 2] ?? 0;
    }
  });
  return { fields, refs, terms: sortedArray(terms), offsets, docs, weights, fieldBits };
}

function isSerialized(source: SerializedLunrIndex | PostingTable): source is SerializedLunrIndex {
  return 'invertedIndex' in source;
}

/**
 * A term-at-a-time view of a lunr index. lunr scores a query by taking the dot product of the query with the
 * *whole* field vector of every matching document, which costs the length of every matching document; reading
 * the same BM25 weights (computed by lunr at build time) term by term costs only the postings of the query's
 * terms. Read from a posting table (the binary index, in place: a term's posting is a view made when it is
 * first asked for; how many documents hold a term is read from the offsets, with no view) or, in tests,
 * straight from lunr's serialised index.
 */
export class TermIndex {
  readonly refs: string[];
  readonly fields: string[];
  readonly vocabulary: Vocabulary;
  private readonly table: PostingTable;
  /** The postings asked for so far (views of the table). Words not found are not kept: queries bring any. */
  private readonly postings = new Map<string, Posting>();
  /** Recent prefix and fuzzy expansions: agents type the same first letters all day. */
  private readonly prefixCache = new Map<string, string[]>();
  private fuzzyVocabulary: string[] | undefined;

  /** With the index's words, prefixes are matched on words as written; without, on terms. */
  constructor(
    source: SerializedLunrIndex | PostingTable,
    private readonly words?: WordPrefixes,
  ) {
    this.table = isSerialized(source) ? postingTableOf(source) : source;
    this.fields = this.table.fields;
    this.refs = this.table.refs;
    this.vocabulary = new Vocabulary({ sorted: this.table.terms });
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
    this.fuzzyVocabulary ??= all.filter((term, t) => this.sizeAt(t) >= 2 && !/\d/.test(term));
    return this.fuzzyVocabulary;
  }

  /** Makes ahead what the first misspelt word would (the vocabulary it walks): see SearchEngine.preparing. */
  prepareTypos(): void {
    this.fuzzyTargets();
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
    return this.frequency(term) > 0;
  }

  fieldBit(field: string): number {
    const index = this.fields.indexOf(field);
    return index < 0 ? 0 : 1 << index;
  }

  posting(term: string): Posting | undefined {
    const known = this.postings.get(term);
    if (known) return known;
    const t = this.vocabulary.indexOf(term);
    if (t < 0) return undefined;
    const { offsets, docs, weights, fieldBits } = this.table;
    const from = offsets[t] ?? 0;
    const to = offsets[t + 1] ?? 0;
    if (to <= from) return undefined;
    const posting: Posting = {
      docs: docs.subarray(from, to),
      weights: weights.subarray(from, to),
      fields: fieldBits.subarray(from, to),
    };
    this.postings.set(term, posting);
    return posting;
  }

  /** How many documents hold the term: read from the offsets, no posting view made. */
  frequency(term: string): number {
    return this.sizeAt(this.vocabulary.indexOf(term));
  }

  /** The posting size of the term at position `t` of the sorted vocabulary (0 for -1). */
  private sizeAt(t: number): number {
    if (t < 0) return 0;
    const { offsets } = this.table;
    return Math.max(0, (offsets[t + 1] ?? 0) - (offsets[t] ?? 0));
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
        ? this.words.terms(prefix).filter((term) => this.has(term))
        : this.vocabulary.withPrefix(prefix);
      expansion = terms.length <= max ? terms : this.mostFrequent(terms, max);
      if (this.prefixCache.size >= 2000) this.prefixCache.clear();
      this.prefixCache.set(key, expansion);
    }
    return expansion;
  }

  /** The `max` most frequent of `terms` (ties in their given order), each term's frequency looked up once. */
  private mostFrequent(terms: readonly string[], max: number): string[] {
    return terms
      .map((term) => ({ term, frequency: this.frequency(term) }))
      .sort((a, b) => b.frequency - a.frequency)
      .slice(0, max)
      .map((entry) => entry.term);
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
        .map((match) => ({ ...match, frequency: this.frequency(match.term) }))
        .sort((a, b) => a.distance - b.distance || b.frequency - a.frequency || (a.term < b.term ? -1 : 1))
        .slice(0, max)
        .map((match) => match.term);
      if (this.prefixCache.size >= 2000) this.prefixCache.clear();
      this.prefixCache.set(key, expansion);
    }
    return expansion;
  }

  /** Whether the document holds the term, by binary search in its posting. */
  holds(term: string, doc: number): boolean {
    const docs = this.posting(term)?.docs;
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
