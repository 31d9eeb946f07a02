import type { Segment } from '../../../common/contract';
import type { AnalyzedToken } from './analyzer';
import { analyze } from './analyzer';
import { bestWindow } from './snippet-window';
import type { TextSlices } from './text-blocks';

/** Characters a passage shows at most. */
export const MAX_CHARS = 220;
/** How far before its first hit a passage may start (to begin at a word boundary). */
const LEAD_CHARS = 60;
/** Some national fiches run to tens of thousands of words: the passage is sought among the first ones. */
export const MAX_SCANNED_TOKENS = 4000;

/** A matched word of a text: its rank among the text's words, where it is, and the term it stands for. */
export interface SnippetHit {
  /** Rank of the word among the text's analysed words (stop words excluded), for the window's width. */
  index: number;
  start: number;
  /** Read from the text when left out (only the words shown need it). */
  length?: number;
  /** The matched term (any value that tells two terms apart). */
  term: string | number;
}

/**
 * The passage of `text` holding the most distinct matched terms, cut at word boundaries, with the matched words
 * marked. `hits` are the matched words of the text in order. Only the characters around the passage are read
 * from `text` (a string, or texts stored in blocks that are inflated only where a passage is read).
 */
export function snippetFromHits(text: TextSlices, hits: readonly SnippetHit[]): Segment[] {
  return passageAt(text, hits, bestWindow(hits));
}

/**
 * The passage starting at hit `bestStart` (see snippet-window.ts; -1: the text's beginning). `hits` must hold
 * every matched word up to MAX_CHARS past that hit: the passage marks them.
 */
export function passageAt(text: TextSlices, hits: readonly SnippetHit[], bestStart: number): Segment[] {
  const length = text.length;
  if (length === 0) return [];
  const firstHit = hits[bestStart];
  if (!firstHit) return [{ text: clip(text.slice(0, MAX_CHARS + 1), length), hit: false }];

  // Everything below reads between `base` and `end` only: the passage starts at most LEAD_CHARS before its
  // first hit and ends MAX_CHARS after its start; one more character tells whether a word runs past its end.
  const base = Math.max(0, firstHit.start - LEAD_CHARS);
  const end = Math.min(length, firstHit.start + MAX_CHARS + 1);
  const window = text.slice(base, end);
  // Start a little before the first hit, at a word boundary, so the passage reads as a sentence.
  let from = base;
  if (from > 0) {
    const space = window.indexOf(' ', 0);
    from = space >= 0 && base + space < firstHit.start ? base + space + 1 : firstHit.start;
  }
  let to = Math.min(length, from + MAX_CHARS);
  if (to < length) {
    const space = window.lastIndexOf(' ', to - base);
    if (space >= 0 && base + space > from) to = base + space;
  }

  const segments: Segment[] = [];
  let cursor = from;
  const push = (segment: Segment) => {
    if (segment.text.length > 0) segments.push(segment);
  };
  const slice = (a: number, b: number) => window.slice(a - base, b - base);
  if (from > 0) push({ text: '… ', hit: false });
  for (const hit of hits) {
    if (hit.start < from || hit.start >= to) continue;
    // A word running past `end` is cut there, still longer than the passage: left unmarked, as it would be whole.
    const wordLength = hit.length ?? wordLengthAt(window, hit.start - base);
    if (hit.start + wordLength > to) continue;
    push({ text: flatten(slice(cursor, hit.start)), hit: false });
    push({ text: slice(hit.start, hit.start + wordLength), hit: true });
    cursor = hit.start + wordLength;
  }
  push({ text: flatten(slice(cursor, to)) + (to < length ? ' …' : ''), hit: false });
  return segments;
}

/**
 * The snippet of `text` for the matched terms, by analysing the text: for texts whose words were not prepared
 * at build time (see snippet-data.ts).
 */
export function makeSnippet(
  text: string,
  matched: ReadonlySet<string>,
  tokens: AnalyzedToken[] = analyze(text),
): Segment[] {
  const scanned = Math.min(tokens.length, MAX_SCANNED_TOKENS);
  const hits: SnippetHit[] = [];
  for (let i = 0; i < scanned; i++) {
    const token = tokens[i];
    if (token && matched.has(token.term))
      hits.push({ index: i, start: token.start, length: token.length, term: token.term });
  }
  return snippetFromHits(text, hits);
}

const WORD_AT = /[\p{L}\p{N}]+/uy;

/** The length of the word starting at `start` (a word as the analyzer cuts them). */
function wordLengthAt(text: string, start: number): number {
  WORD_AT.lastIndex = start;
  return WORD_AT.exec(text)?.[0].length ?? 0;
}

/** Runs of white space that flattening changes: any but a single space. */
const UNFLAT = /[^\S ]|\s\s/;

function flatten(text: string): string {
  // Most passages hold single spaces only: tested first, they are returned as they are, with no copy.
  return UNFLAT.test(text) ? text.replace(/\s+/g, ' ') : text;
}

/** The text's first MAX_CHARS characters (`head` holds them, and one more), ended at a word boundary. */
function clip(head: string, length: number): string {
  const slice = flatten(head.slice(0, MAX_CHARS));
  return MAX_CHARS < length ? `${slice.replace(/\s+\S*$/, '')} …` : slice;
}
