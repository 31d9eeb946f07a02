import { describe, expect, it } from 'vitest';
import { daysBetween } from '../../../common/dates';
import { trainingStatus } from './training-status';

const TODAY = '2026-11-23';

describe('training status', () => {
  it('is « jamais » without any session attended on or before today', () => {
    expect(trainingStatus([], 24, TODAY)).toMatchObject({
      etat: 'jamais',
      derniere: null,
      valideJusquau: null,
    });
    expect(trainingStatus(['2026-12-01'], 24, TODAY).etat).toBe('jamais');
  });

  it('counts the latest session and its validity', () => {
    expect(trainingStatus(['2023-01-10', '2025-06-12', '2024-02-01'], 24, TODAY)).toEqual({
      etat: 'a_jour',
      derniere: '2025-06-12',
      valideJusquau: '2027-06-11',
      recyclageLe: '2027-06-12',
      joursRestants: daysBetween(TODAY, '2027-06-11'),
    });
  });

  it('is « à recycler » within the window, « expirée » after the last valid day', () => {
    // 24 months from 2025-01-10: valid until 2027-01-09, 47 days from today.
    expect(trainingStatus(['2025-01-10'], 24, TODAY)).toMatchObject({
      etat: 'a_recycler',
      joursRestants: 47,
    });
    expect(trainingStatus(['2025-01-10'], 24, TODAY, 30).etat).toBe('a_jour');
    // Valid until 2026-11-23 (today): still valid, due tomorrow.
    expect(trainingStatus(['2024-11-24'], 24, TODAY)).toMatchObject({
      etat: 'a_recycler',
      joursRestants: 0,
      recyclageLe: '2026-11-24',
    });
    expect(trainingStatus(['2024-11-23'], 24, TODAY)).toMatchObject({
      etat: 'expiree',
      valideJusquau: '2026-11-22',
      joursRestants: -1,
    });
  });

  it('never expires when the type has no validity', () => {
    expect(trainingStatus(['2010-05-05'], null, TODAY)).toEqual({
      etat: 'a_jour',
      derniere: '2010-05-05',
      valideJusquau: null,
      recyclageLe: null,
      joursRestants: null,
    });
  });

  it('counts days across months and years', () => {
    expect(daysBetween('2026-11-23', '2027-01-09')).toBe(47);
    expect(daysBetween('2026-11-23', '2026-11-20')).toBe(-3);
  });
});
