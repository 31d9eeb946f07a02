/** The sorted set of indexed terms, for "is this word known" and "does any term start with this" in O(log n). */
export class Vocabulary {
  private readonly sorted: string[];
  private readonly set: Set<string>;

  constructor(terms: Iterable<string>) {
    this.sorted = [...new Set(terms)].sort();
    this.set = new Set(this.sorted);
  }

  get size(): number {
    return this.sorted.length;
  }

  has(term: string): boolean {
    return this.set.has(term);
  }

  private lowerBound(value: string): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.sorted[mid] ?? '') < value) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  hasPrefix(prefix: string): boolean {
    return (this.sorted[this.lowerBound(prefix)] ?? '').startsWith(prefix);
  }

  /** Every term starting with `prefix`, in order. */
  withPrefix(prefix: string): string[] {
    const start = this.lowerBound(prefix);
    let end = start;
    while (end < this.sorted.length && (this.sorted[end] ?? '').startsWith(prefix)) end++;
    return this.sorted.slice(start, end);
  }

  terms(): readonly string[] {
    return this.sorted;
  }
}
