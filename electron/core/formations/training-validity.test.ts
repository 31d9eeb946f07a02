import { describe, expect, it } from 'vitest';
import { isValidOn, latestAttended, validUntil } from './training-validity';

describe('training validity', () => {
  it('counts a training for its validity in months, to the day before', () => {
    const infocite = { date: '2024-11-23', validiteMois: 24 };
    expect(validUntil(infocite)).toBe('2026-11-22');
    expect(isValidOn(infocite, '2026-11-22')).toBe(true);
    expect(isValidOn(infocite, '2026-11-23')).toBe(false);
    expect(isValidOn(infocite, '2024-11-22')).toBe(false);
  });

  it('keeps a training without validity for ever', () => {
    expect(validUntil({ date: '2010-01-01', validiteMois: null })).toBeNull();
    expect(isValidOn({ date: '2010-01-01', validiteMois: null }, '2030-01-01')).toBe(true);
  });

  it('takes the latest session attended by the day', () => {
    const sessions = [
      { date: '2022-03-01', validiteMois: 24 },
      { date: '2025-06-10', validiteMois: 24 },
      { date: '2027-01-01', validiteMois: 24 },
    ];
    expect(latestAttended(sessions, '2026-11-23')?.date).toBe('2025-06-10');
    expect(latestAttended(sessions, '2021-01-01')).toBeNull();
  });
});
