/**
 * The words of the index as written (folded), sorted, each with its term. The word being typed is a prefix of
 * a *word*, not of a stem: "appartemen" must reach "appartement" although its stem is "appart", and "deces"
 * must not reach "dechet" through its stem "dec".
 */
export class WordPrefixes {
  private readonly words: string[];
  private readonly termOf: Map<string, string>;

  constructor(words: Record<string, string>) {
    this.termOf = new Map(Object.entries(words));
    this.words = [...this.termOf.keys()].sort();
  }

  private lowerBound(value: string): number {
    let low = 0;
    let high = this.words.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.words[mid] ?? '') < value) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  has(prefix: string): boolean {
    return (this.words[this.lowerBound(prefix)] ?? '').startsWith(prefix);
  }

  /** The distinct terms of the words starting with `prefix`. */
  terms(prefix: string): string[] {
    const terms = new Set<string>();
    for (let i = this.lowerBound(prefix); i < this.words.length; i++) {
      const word = this.words[i] ?? '';
      if (!word.startsWith(prefix)) break;
      terms.add(this.termOf.get(word) ?? word);
    }
    return [...terms];
  }
}
