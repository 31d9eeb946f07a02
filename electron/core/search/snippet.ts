import type { Segment } from '../../../common/contract';
import type { AnalyzedToken } from './analyzer';
import { analyze } from './analyzer';

const WINDOW_TOKENS = 22;
const MAX_CHARS = 220;
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
 * marked. `hits` are the matched words of the text in order.
 */
export function snippetFromHits(text: string, hits: readonly SnippetHit[]): Segment[] {
  if (text.length === 0) return [];
  let bestStart = -1;
  let bestScore = -1;
  const distinct = new Set<string | number>();
  for (let h = 0; h < hits.length; h++) {
    const start = hits[h]?.index ?? 0;
    distinct.clear();
    for (let k = h; k < hits.length && (hits[k]?.index ?? 0) < start + WINDOW_TOKENS; k++) {
      distinct.add(hits[k]?.term ?? '');
    }
    if (distinct.size > bestScore) {
      bestScore = distinct.size;
      bestStart = h;
    }
  }
  const firstHit = hits[bestStart];
  if (!firstHit) return [{ text: clip(text, 0, MAX_CHARS), hit: false }];

  // Start a little before the first hit, at a word boundary, so the passage reads as a sentence.
  let from = Math.max(0, firstHit.start - 60);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    from = space >= 0 && space < firstHit.start ? space + 1 : firstHit.start;
  }
  let to = Math.min(text.length, from + MAX_CHARS);
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > from) to = space;
  }

  const segments: Segment[] = [];
  let cursor = from;
  const push = (segment: Segment) => {
    if (segment.text.length > 0) segments.push(segment);
  };
  if (from > 0) push({ text: '… ', hit: false });
  for (const hit of hits) {
    if (hit.start < from || hit.start >= to) continue;
    const length = hit.length ?? wordLength(text, hit.start);
    if (hit.start + length > to) continue;
    push({ text: flatten(text.slice(cursor, hit.start)), hit: false });
    push({ text: text.slice(hit.start, hit.start + length), hit: true });
    cursor = hit.start + length;
  }
  push({ text: flatten(text.slice(cursor, to)) + (to < text.length ? ' …' : ''), hit: false });
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
function wordLength(text: string, start: number): number {
  WORD_AT.lastIndex = start;
  return WORD_AT.exec(text)?.[0].length ?? 0;
}

function flatten(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function clip(text: string, from: number, length: number): string {
  const slice = flatten(text.slice(from, from + length));
  return from + length < text.length ? `${slice.replace(/\s+\S*$/, '')} …` : slice;
}
