import { describe, expect, it } from 'vitest';
import {
  comparisonRange,
  dayCount,
  isIncomplete,
  periodKey,
  periodsOf,
  previousRange,
  sameSpanLastYear,
  spansOf,
  yearRange,
} from './periods';

describe('like-with-like comparisons and incomplete periods', () => {
  it('compares a year so far with the same span of the previous year', () => {
    expect(comparisonRange('2026-01-01', '2026-12-03')).toEqual({
      du: '2025-01-01',
      au: '2025-12-03',
      comparaison: 'meme_periode_annee_precedente',
    });
    expect(sameSpanLastYear('2024-01-01', '2024-02-29')).toEqual({ du: '2023-01-01', au: '2023-02-28' });
  });

  it('compares a month so far with the same days of the previous month, cut to its end', () => {
    expect(comparisonRange('2026-12-01', '2026-12-03')).toMatchObject({ du: '2026-11-01', au: '2026-11-03' });
    expect(comparisonRange('2026-03-01', '2026-03-30')).toMatchObject({ du: '2026-02-01', au: '2026-02-28' });
  });

  it('keeps whole months against as many months, and other ranges against as many days before', () => {
    expect(comparisonRange('2025-01-01', '2025-12-31')).toEqual({
      du: '2024-01-01',
      au: '2024-12-31',
      comparaison: 'mois_precedents',
    });
    expect(comparisonRange('2025-03-05', '2025-03-14')).toEqual({
      du: '2025-02-23',
      au: '2025-03-04',
      comparaison: 'jours_precedents',
    });
  });

  it('says a period is incomplete while it runs into today', () => {
    expect(isIncomplete('2026-12-03', '2026-12-03')).toBe(true);
    expect(isIncomplete('2026-12-31', '2026-12-03')).toBe(true);
    expect(isIncomplete('2026-12-02', '2026-12-03')).toBe(false);
  });

  it('stops a year in progress today, and keeps a closed year whole', () => {
    expect(yearRange(2026, '2026-12-03')).toEqual({ du: '2026-01-01', au: '2026-12-03', complete: false });
    expect(yearRange(2025, '2026-12-03')).toEqual({ du: '2025-01-01', au: '2025-12-31', complete: true });
    expect(yearRange(2027, '2026-12-03')).toEqual({ du: '2027-01-01', au: '2027-12-31', complete: false });
  });
});

describe('periods of the dashboard', () => {
  it('compares whole months with as many months before, other ranges with as many days', () => {
    expect(previousRange('2025-03-01', '2025-03-31')).toEqual({ du: '2025-02-01', au: '2025-02-28' });
    expect(previousRange('2025-01-01', '2025-12-31')).toEqual({ du: '2024-01-01', au: '2024-12-31' });
    expect(previousRange('2025-01-01', '2025-03-31')).toEqual({ du: '2024-10-01', au: '2024-12-31' });
    // 10 days, then 366 days (2024 is a leap year).
    expect(previousRange('2025-03-05', '2025-03-14')).toEqual({ du: '2025-02-23', au: '2025-03-04' });
    expect(dayCount('2024-01-01', '2024-12-31')).toBe(366);
    expect(previousRange('2024-03-01', '2025-02-28')).toEqual({ du: '2023-03-01', au: '2024-02-29' });
    expect(previousRange('2024-03-02', '2025-03-02')).toEqual({ du: '2023-03-02', au: '2024-03-01' });
  });

  it('keys a day by itself, its week’s Monday or its month', () => {
    expect(periodKey('2025-03-02', 'semaine')).toBe('2025-02-24'); // a Sunday
    expect(periodKey('2025-03-03', 'semaine')).toBe('2025-03-03'); // a Monday
    expect(periodKey('2025-03-31', 'mois')).toBe('2025-03');
  });

  it('cuts the first and last weeks to the range, and lists empty periods', () => {
    expect(periodsOf('2025-03-01', '2025-03-31', 'semaine')).toEqual([
      { cle: '2025-02-24', debut: '2025-03-01', fin: '2025-03-02' },
      { cle: '2025-03-03', debut: '2025-03-03', fin: '2025-03-09' },
      { cle: '2025-03-10', debut: '2025-03-10', fin: '2025-03-16' },
      { cle: '2025-03-17', debut: '2025-03-17', fin: '2025-03-23' },
      { cle: '2025-03-24', debut: '2025-03-24', fin: '2025-03-30' },
      { cle: '2025-03-31', debut: '2025-03-31', fin: '2025-03-31' },
    ]);
    expect(periodsOf('2024-01-15', '2024-03-10', 'mois')).toEqual([
      { cle: '2024-01', debut: '2024-01-15', fin: '2024-01-31' },
      { cle: '2024-02', debut: '2024-02-01', fin: '2024-02-29' },
      { cle: '2024-03', debut: '2024-03-01', fin: '2024-03-10' },
    ]);
    expect(periodsOf('2025-01-01', '2025-12-31', 'jour')).toHaveLength(365);
  });

  it('splits a range into whole months and edge days', () => {
    expect(spansOf('2025-01-01', '2025-12-31')).toEqual({ months: ['2025-01', '2025-12'], days: [] });
    expect(spansOf('2025-01-15', '2025-03-31')).toEqual({
      months: ['2025-02', '2025-03'],
      days: [['2025-01-15', '2025-01-31']],
    });
    expect(spansOf('2024-01-31', '2024-03-01')).toEqual({
      months: ['2024-02', '2024-02'],
      days: [
        ['2024-01-31', '2024-01-31'],
        ['2024-03-01', '2024-03-01'],
      ],
    });
    // No whole month inside: days only.
    expect(spansOf('2025-02-15', '2025-03-10')).toEqual({
      months: null,
      days: [['2025-02-15', '2025-03-10']],
    });
    expect(spansOf('2025-03-05', '2025-03-05')).toEqual({
      months: null,
      days: [['2025-03-05', '2025-03-05']],
    });
  });
});
