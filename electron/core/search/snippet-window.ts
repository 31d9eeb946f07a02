// Which passage a snippet shows: the first window of WINDOW_TOKENS words that holds the most distinct matched
// terms. Found by a sliding window over the hits (each hit enters and leaves it once) rather than by counting
// every window anew, and fed hit by hit while a fiche's words are read, so that the reading can stop as soon as
// the answer is known: once a window holds every matched term, no later one can do better.
import type { SnippetHit } from './snippet';

/** Words a passage spans when its matched terms are counted. */
export const WINDOW_TOKENS = 22;

export class PassageWindow {
  /** The hits so far, in the text's order. */
  readonly hits: SnippetHit[] = [];
  /** The first hit of the best window (-1: none yet). */
  bestStart = -1;
  private best = -1;
  /** The next window to count, and the end of the hits in the current one. */
  private next = 0;
  private end = 0;
  private distinct = 0;
  private readonly counts = new Map<string | number, number>();

  /** `most`: how many distinct terms a window can hold at most (the matched terms), to stop at the first such. */
  constructor(private readonly most = Number.POSITIVE_INFINITY) {}

  /** Whether the best window is known: one holds every matched term. Later hits still count for the marks. */
  get settled(): boolean {
    return this.best >= this.most;
  }

  /** The next hit, in order; its word's rank is also the number of words read before it. */
  add(hit: SnippetHit): void {
    if (!this.settled) this.count(hit.index);
    this.hits.push(hit);
  }

  /** After the last hit: counts the windows left. */
  finish(): number {
    if (!this.settled) this.count(Number.POSITIVE_INFINITY);
    return this.bestStart;
  }

  /** Counts the windows that `read` words complete (every hit they may hold is known), first to last. */
  private count(read: number): void {
    const hits = this.hits;
    while (this.next < hits.length) {
      const first = hits[this.next]?.index ?? 0;
      if (first + WINDOW_TOKENS > read) return;
      while (this.end < hits.length && (hits[this.end]?.index ?? 0) < first + WINDOW_TOKENS) {
        const term = hits[this.end]?.term ?? '';
        const count = this.counts.get(term) ?? 0;
        if (count === 0) this.distinct++;
        this.counts.set(term, count + 1);
        this.end++;
      }
      if (this.distinct > this.best) {
        this.best = this.distinct;
        this.bestStart = this.next;
        if (this.settled) return;
      }
      const term = hits[this.next]?.term ?? '';
      const count = this.counts.get(term) ?? 0;
      if (count === 1) this.distinct--;
      this.counts.set(term, count - 1);
      this.next++;
    }
  }
}

/** The first hit of the best window among `hits` (all of a text's matched words, in order), or -1. */
export function bestWindow(hits: readonly SnippetHit[]): number {
  const window = new PassageWindow();
  for (const hit of hits) window.add(hit);
  return window.finish();
}
