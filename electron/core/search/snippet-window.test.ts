import { describe, expect, it } from 'vitest';
import type { SnippetHit } from './snippet';
import { bestWindow, PassageWindow, WINDOW_TOKENS } from './snippet-window';

/** The definition: for each hit, the distinct terms of the words from it to WINDOW_TOKENS later; the first best. */
function naiveBest(hits: readonly SnippetHit[]): number {
  let best = -1;
  let bestStart = -1;
  hits.forEach((hit, h) => {
    const distinct = new Set(
      hits
        .slice(h)
        .filter((other) => other.index < hit.index + WINDOW_TOKENS)
        .map((other) => other.term),
    );
    if (distinct.size > best) {
      best = distinct.size;
      bestStart = h;
    }
  });
  return bestStart;
}

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 0x1_0000_0000;
  };
}

describe('the passage window', () => {
  const random = seededRandom(11);
  const cases = Array.from({ length: 300 }, () => {
    const terms = 1 + Math.floor(random() * 4);
    const hits: SnippetHit[] = [];
    let index = 0;
    for (let n = Math.floor(random() * 60); n > 0; n--) {
      index += 1 + Math.floor(random() * (random() < 0.5 ? 5 : 40));
      hits.push({ index, start: index * 7, term: Math.floor(random() * terms) });
    }
    return { hits, terms };
  });

  it('finds the first window with the most distinct terms, as counting every window does', () => {
    for (const { hits } of cases) expect(bestWindow(hits)).toBe(naiveBest(hits));
    expect(bestWindow([])).toBe(-1);
  });

  it('settles on the same window when told how many terms there are, whatever the hits after it', () => {
    for (const { hits, terms } of cases) {
      const window = new PassageWindow(terms);
      for (const hit of hits) window.add(hit);
      expect(window.finish()).toBe(naiveBest(hits));
    }
  });
});
