import type { SortedStrings } from './term-index';

/**
 * The sorted set of indexed terms, for "is this word known" and "does any term start with this" in O(log n).
 * Read in place from the binary index (no array, no set built at load), or made from any list of terms.
 */
export class Vocabulary {
  private readonly sorted: SortedStrings;

  /** Any terms; or `{ sorted }`: terms already sorted (JavaScript's `<` order) and distinct, used as they are. */
  constructor(terms: Iterable<string> | { sorted: SortedStrings }) {
    if ('sorted' in terms) this.sorted = terms.sorted;
    else {
      const array = [...new Set(terms)].sort();
      this.sorted = { length: array.length, at: (i) => array[i] ?? '', all: () => array };
    }
  }

  get size(): number {
    return this.sorted.length;
  }

  has(term: string): boolean {
    return this.indexOf(term) >= 0;
  }

  /** The term's position in the sorted vocabulary, or -1. */
  indexOf(term: string): number {
    const i = this.lowerBound(term);
    return i < this.sorted.length && this.sorted.at(i) === term ? i : -1;
  }

  at(i: number): string {
    return this.sorted.at(i);
  }

  /** The position of the first term not below `prefix` (where the terms starting with it begin). */
  indexOfPrefix(prefix: string): number {
    return this.lowerBound(prefix);
  }

  private lowerBound(value: string): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.sorted.at(mid) < value) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  hasPrefix(prefix: string): boolean {
    const i = this.lowerBound(prefix);
    return i < this.sorted.length && this.sorted.at(i).startsWith(prefix);
  }

  /** Every term starting with `prefix`, in order. */
  withPrefix(prefix: string): string[] {
    const start = this.lowerBound(prefix);
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
