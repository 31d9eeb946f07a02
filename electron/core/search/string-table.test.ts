import { describe, expect, it } from 'vitest';
import { lowerBound } from './sorted-strings';
import { encodeStrings, StringTable } from './string-table';

describe('a sorted string table', () => {
  const values = ['', 'a', 'ab', 'abc', 'abd', 'b', 'carte', 'cartes', 'zz', 'é', 'éa', 'œuvre', '😀'].sort();
  const table = new StringTable(encodeStrings(values));
  const probes = [...values, 'aa', 'abcd', 'c', 'car', 'cartez', 'e', 'éb', 'z', 'zzz', '\uffff', ''];

  it('compares in place as JavaScript compares strings', () => {
    for (let i = 0; i < values.length; i++) {
      for (const probe of probes) expect(table.below(i, probe)).toBe((values[i] ?? '') < probe);
    }
  });

  it('finds where a value belongs as a search over the strings themselves', () => {
    for (const probe of probes) {
      const expected = values.findIndex((value) => !(value < probe));
      expect(lowerBound(table, probe)).toBe(expected < 0 ? values.length : expected);
    }
  });
});
