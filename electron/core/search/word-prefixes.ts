import { Vocabulary } from './indexed-terms';

/**
 * The words of the index as written (folded), each with its term. The word being typed is a prefix of a *word*,
 * not of a stem: "appartemen" must reach "appartement" although its stem is "appart", and "deces" must not reach
 * "dechet" through its stem "dec".
 */
export class WordPrefixes {
  private readonly words: Vocabulary;
  private readonly termOf: Map<string, string>;

  constructor(words: Record<string, string>) {
    this.termOf = new Map(Object.entries(words));
    this.words = new Vocabulary(this.termOf.keys());
  }

  has(prefix: string): boolean {
    return this.words.hasPrefix(prefix);
  }

  /** The distinct terms of the words starting with `prefix`. */
  terms(prefix: string): string[] {
    return [...new Set(this.words.withPrefix(prefix).map((word) => this.termOf.get(word) ?? word))];
  }
}
