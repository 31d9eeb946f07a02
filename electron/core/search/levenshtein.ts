/**
 * Edit distance between two words, giving up as soon as it must exceed `max` (returns max + 1 then):
 * callers only ever ask "is it within 1 or 2 edits", so most comparisons stop after a row or two.
 */
export function boundedLevenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length] ?? max + 1;
}

/** A term within reach of a fuzzy word, with its distance (transpositions count as one edit). */
export interface FuzzyMatch {
  term: string;
  distance: number;
}

/** How much work one fuzzy expansion may do: distance cells computed over the vocabulary. */
export const FUZZY_CELL_BUDGET = 200_000;

/**
 * The terms of a sorted vocabulary within `max` edits of `word` (insertion, deletion, substitution, swap of two
 * neighbouring letters — what lunr's fuzzy automaton allows), found by walking the sorted terms as a trie: the
 * rows of the distance table are shared by terms with a common beginning, and a beginning already more than `max`
 * edits away skips every term that starts with it. lunr's automaton is built eagerly and grows combinatorially
 * with the word's length (a 400-letter word exhausted the heap); this walk computes at most `budget` cells and
 * returns what it found by then.
 */
export function fuzzyMatches(
  sorted: readonly string[],
  word: string,
  max: number,
  budget = FUZZY_CELL_BUDGET,
): FuzzyMatch[] {
  const n = word.length;
  const width = n + 1;
  // rows[d] is the table's row for the first d letters of the current term; row 0 is the empty beginning.
  const rows: Int32Array[] = [Int32Array.from({ length: width }, (_, j) => j)];
  const matches: FuzzyMatch[] = [];
  let previous = '';
  let cells = 0;
  let i = 0;
  while (i < sorted.length) {
    const term = sorted[i] ?? '';
    // Rows stay valid for the beginning this term shares with the previous one.
    let depth = 0;
    const shared = Math.min(previous.length, term.length, rows.length - 1);
    while (depth < shared && previous.charCodeAt(depth) === term.charCodeAt(depth)) depth++;
    let pruned = -1;
    for (let d = depth + 1; d <= term.length; d++) {
      const above = rows[d - 1] as Int32Array;
      const twoAbove = d >= 2 ? rows[d - 2] : undefined;
      let row = rows[d];
      if (!row) rows[d] = row = new Int32Array(width);
      const letter = term.charCodeAt(d - 1);
      // Only the cells within `max` of the diagonal can stay within reach: the others are max + 1, and the
      // cells just outside the band say so to the next row.
      const low = Math.max(1, d - max);
      const high = Math.min(n, d + max);
      row[0] = d;
      if (low > 1) row[low - 1] = max + 1;
      let rowMin = low === 1 ? d : max + 1;
      for (let j = low; j <= high; j++) {
        const cost = word.charCodeAt(j - 1) === letter ? 0 : 1;
        let value = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + cost);
        if (
          twoAbove &&
          j >= 2 &&
          letter === word.charCodeAt(j - 2) &&
          term.charCodeAt(d - 2) === word.charCodeAt(j - 1)
        ) {
          value = Math.min(value, (twoAbove[j - 2] ?? 0) + 1);
        }
        row[j] = value;
        if (value < rowMin) rowMin = value;
      }
      if (high < n) row[high + 1] = max + 1;
      cells += high - low + 1;
      if (rowMin > max) {
        pruned = d;
        break;
      }
    }
    if (pruned < 0) {
      // The last cell is only computed when the lengths differ by `max` at most.
      const distance = Math.abs(term.length - n) <= max ? (rows[term.length]?.[n] ?? max + 1) : max + 1;
      if (distance <= max) matches.push({ term, distance });
      previous = term;
      i++;
    } else {
      // No term starting with these letters can come within reach: skip them all.
      const beginning = term.slice(0, pruned);
      previous = beginning.slice(0, pruned - 1);
      i = firstAfterPrefix(sorted, beginning, i + 1);
    }
    if (cells > budget) break;
  }
  return matches;
}

/**
 * The index of the first term after `from` that does not start with `prefix` (the terms are sorted). Most
 * pruned beginnings cover a few terms: galloping from `from` finds the end in a few comparisons where a binary
 * search over the rest of the vocabulary took about twenty, for each of the thousands of beginnings pruned.
 */
function firstAfterPrefix(sorted: readonly string[], prefix: string, from: number): number {
  let low = from;
  let high = sorted.length;
  for (let step = 1; low + step - 1 < high; step *= 2) {
    const probe = low + step - 1;
    if (!(sorted[probe] ?? '').startsWith(prefix)) {
      high = probe;
      break;
    }
    low = probe + 1;
  }
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] ?? '').startsWith(prefix)) low = mid + 1;
    else high = mid;
  }
  return low;
}
