import type { Segment } from '../../../common/contract';
import type { AnalyzedToken } from './analyzer';
import { analyze } from './analyzer';

const WINDOW_TOKENS = 22;
const MAX_CHARS = 220;
const MAX_SCANNED_TOKENS = 4000;

/**
 * The passage of `text` holding the most distinct matched terms, cut at word boundaries, with the matched words
 * marked. Positions come from analysing the stored text again: cheaper than storing every position in the index.
 */
export function makeSnippet(
  text: string,
  matched: ReadonlySet<string>,
  tokens: AnalyzedToken[] = analyze(text),
): Segment[] {
  if (text.length === 0) return [];
  // Some national fiches run to tens of thousands of words: the passage is sought among the first ones.
  const scanned = Math.min(tokens.length, MAX_SCANNED_TOKENS);
  const hitAt: number[] = [];
  for (let i = 0; i < scanned; i++) if (matched.has(tokens[i]?.term ?? '')) hitAt.push(i);
  let bestStart = 0;
  let bestScore = -1;
  for (let h = 0; h < hitAt.length; h++) {
    const start = hitAt[h] ?? 0;
    const distinct = new Set<string>();
    for (let k = h; k < hitAt.length && (hitAt[k] ?? 0) < start + WINDOW_TOKENS; k++) {
      distinct.add(tokens[hitAt[k] ?? 0]?.term ?? '');
    }
    if (distinct.size > bestScore) {
      bestScore = distinct.size;
      bestStart = start;
    }
  }
  if (bestScore < 0) return [{ text: clip(text, 0, MAX_CHARS), hit: false }];

  // Start a little before the first hit, at a word boundary, so the passage reads as a sentence.
  const firstHit = tokens[bestStart];
  let from = Math.max(0, (firstHit?.start ?? 0) - 60);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    from = space >= 0 && space < (firstHit?.start ?? 0) ? space + 1 : (firstHit?.start ?? 0);
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
  for (const i of hitAt) {
    const token = tokens[i];
    if (!token || token.start < from || token.start + token.length > to) continue;
    push({ text: flatten(text.slice(cursor, token.start)), hit: false });
    push({ text: text.slice(token.start, token.start + token.length), hit: true });
    cursor = token.start + token.length;
  }
  push({ text: flatten(text.slice(cursor, to)) + (to < text.length ? ' …' : ''), hit: false });
  return segments;
}

function flatten(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function clip(text: string, from: number, length: number): string {
  const slice = flatten(text.slice(from, from + length));
  return from + length < text.length ? `${slice.replace(/\s+\S*$/, '')} …` : slice;
}
