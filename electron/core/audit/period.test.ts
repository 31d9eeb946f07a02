import { describe, expect, it } from 'vitest';
import { parisDayEnd, parisDayStart } from './period';

describe('Paris calendar days as UTC bounds', () => {
  it('starts a winter day at 23:00 UTC and a summer day at 22:00 UTC the day before', () => {
    expect(parisDayStart('2026-01-15')).toBe('2026-01-14T23:00:00.000Z');
    expect(parisDayStart('2026-07-15')).toBe('2026-07-14T22:00:00.000Z');
  });

  it('ends a day at the start of the next, across the clock changes', () => {
    expect(parisDayEnd('2026-03-28')).toBe('2026-03-28T23:00:00.000Z');
    expect(parisDayEnd('2026-03-29')).toBe('2026-03-29T22:00:00.000Z');
    expect(parisDayEnd('2026-10-25')).toBe('2026-10-25T23:00:00.000Z');
  });
});
