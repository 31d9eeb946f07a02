import { describe, expect, it } from 'vitest';
import { addDaysToDay, addMonthsToDay, isRealDay, parisDay } from './dates';

describe('registry dates', () => {
  it('takes the day in Paris, not in UTC', () => {
    expect(parisDay(new Date('2026-11-22T23:30:00Z'))).toBe('2026-11-23');
    expect(parisDay(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(parisDay(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });

  it('adds months keeping the end of the month, and days across months', () => {
    expect(addMonthsToDay('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsToDay('2024-02-29', 36)).toBe('2027-02-28');
    expect(addMonthsToDay('2026-11-23', -3)).toBe('2026-08-23');
    expect(addDaysToDay('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDaysToDay('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('knows real days', () => {
    expect(isRealDay('2026-04-30')).toBe(true);
    expect(isRealDay('2026-04-31')).toBe(false);
    expect(isRealDay('2026-4-3')).toBe(false);
  });
});
