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

  hasPrefix(prefix: string): boolean {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.sorted[mid] ?? '') < prefix) low = mid + 1;
      else high = mid;
    }
    return (this.sorted[low] ?? '').startsWith(prefix);
  }

  terms(): readonly string[] {
    return this.sorted;
  }
}
