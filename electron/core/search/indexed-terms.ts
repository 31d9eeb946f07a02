import type { SortedStrings } from './sorted-strings';
import { indexOfSorted, lowerBound, sortedArray } from './sorted-strings';

/**
 * The sorted set of indexed terms, for "is this word known" and "does any term start with this" in O(log n).
 * Read in place from the binary index (no array, no set built at load), or made from any list of terms.
 */
export class Vocabulary {
  private readonly sorted: SortedStrings;

  /** Any terms; or `{ sorted }`: terms already sorted (JavaScript's `<` order) and distinct, used as they are. */
  constructor(terms: Iterable<string> | { sorted: SortedStrings }) {
    if ('sorted' in terms) this.sorted = terms.sorted;
    else this.sorted = sortedArray([...new Set(terms)].sort());
  }

  get size(): number {
    return this.sorted.length;
  }

  has(term: string): boolean {
    return this.indexOf(term) >= 0;
  }

  /** The term's position in the sorted vocabulary, or -1. */
  indexOf(term: string): number {
    return indexOfSorted(this.sorted, term);
  }

  at(i: number): string {
    return this.sorted.at(i);
  }

  /** The position of the first term not below `prefix` (where the terms starting with it begin). */
  indexOfPrefix(prefix: string): number {
    return lowerBound(this.sorted, prefix);
  }

  hasPrefix(prefix: string): boolean {
    const i = lowerBound(this.sorted, prefix);
    return i < this.sorted.length && this.sorted.at(i).startsWith(prefix);
  }

  /** Every term starting with `prefix`, in order. */
  withPrefix(prefix: string): string[] {
    const start = lowerBound(this.sorted, prefix);
    const out: string[] = [];
    for (let i = start; i < this.sorted.length; i++) {
      const term = this.sorted.at(i);
      if (!term.startsWith(prefix)) break;
      out.push(term);
    }
    return out;
  }

  terms(): readonly string[] {
    return this.sorted.all();
  }
}
