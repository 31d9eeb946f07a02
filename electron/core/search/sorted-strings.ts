/** A sorted list of strings, read by position: a plain array, or a table of the binary index (sliced on demand). */
export interface SortedStrings {
  readonly length: number;
  at(i: number): string;
  /** Whether the i-th string is below `value` in JavaScript's `<` order. */
  below(i: number, value: string): boolean;
  /** Every string as an array (built once when the list is a table). */
  all(): readonly string[];
}

/** A plain array (already sorted in JavaScript's `<` order) read as a sorted list. */
export function sortedArray(values: readonly string[]): SortedStrings {
  return {
    length: values.length,
    at: (i) => values[i] ?? '',
    below: (i, value) => (values[i] ?? '') < value,
    all: () => values,
  };
}

/** In a sorted list (JavaScript's `<` order): the first position whose string is not below `value`. */
export function lowerBound(sorted: Pick<SortedStrings, 'length' | 'below'>, value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted.below(mid, value)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** In a sorted list: the position of `value`, or -1. */
export function indexOfSorted(sorted: Pick<SortedStrings, 'length' | 'at' | 'below'>, value: string): number {
  const i = lowerBound(sorted, value);
  return i < sorted.length && sorted.at(i) === value ? i : -1;
}
