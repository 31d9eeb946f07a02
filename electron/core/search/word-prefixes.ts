import { Vocabulary } from './indexed-terms';
import type { SortedStrings } from './sorted-strings';

/**
 * The words of the index as written (folded), each with its term. The word being typed is a prefix of a *word*,
 * not of a stem: "appartemen" must reach "appartement" although its stem is "appart", and "deces" must not reach
 * "dechet" through its stem "dec".
 */
export class WordPrefixes {
  private readonly words: Vocabulary;
  /** The term of the i-th word (in the words' sorted order). */
  private readonly termAt: (i: number) => string;

  /** From the binary index's sorted words and their terms (see `tablesOf`). */
  constructor(tables: { words: SortedStrings; terms: SortedStrings }) {
    this.words = new Vocabulary({ sorted: tables.words });
    this.termAt = (i) => tables.terms.at(i);
  }

  /** The words in order and their terms, as the binary index stores them. */
  static tablesOf(words: Record<string, string>): { words: string[]; terms: string[] } {
    const sorted = Object.keys(words).sort();
    return { words: sorted, terms: sorted.map((word) => words[word] ?? word) };
  }

  has(prefix: string): boolean {
    return this.words.hasPrefix(prefix);
  }

  /** The distinct terms of the words starting with `prefix`. */
  terms(prefix: string): string[] {
    const start = this.words.indexOfPrefix(prefix);
    const out = new Set<string>();
    const all = this.words.size;
    for (let i = start; i < all; i++) {
      if (!this.words.at(i).startsWith(prefix)) break;
      out.add(this.termAt(i));
    }
    return [...out];
  }
}
