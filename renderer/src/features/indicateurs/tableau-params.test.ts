import { describe, expect, it } from 'vitest';
import { filtersOf, naturalGranularite, paramsOf, parisToday, rangeOf, requestOf } from './tableau-params';

const TODAY = '2026-03-17';

describe('the dashboard’s filters in the URL', () => {
  it('defaults to this month, by day, everything included', () => {
    const filters = filtersOf({});
    expect(filters.periode).toBe('mois');
    expect(requestOf(filters, TODAY)).toEqual({ du: '2026-03-01', au: TODAY, granularite: 'jour' });
  });

  it('reads this year by month and a chosen period with its filters', () => {
    expect(requestOf(filtersOf({ periode: 'annee' }), TODAY)).toEqual({
      du: '2026-01-01',
      au: TODAY,
      granularite: 'semaine',
    });
    const filters = filtersOf({
      periode: 'personnalisee',
      du: '2025-01-01',
      au: '2025-12-31',
      entite: 'ccas',
      point: '3',
      poste: '7',
      canal: 'telephone',
      granularite: 'mois',
    });
    expect(requestOf(filters, TODAY)).toEqual({
      du: '2025-01-01',
      au: '2025-12-31',
      granularite: 'mois',
      entite: 'ccas',
      pointId: 3,
      posteId: 7,
      canal: 'telephone',
    });
    expect(paramsOf(filters)).toMatchObject({ point: '3', poste: '7' });
  });

  it('ignores unknown values rather than sending them to the core', () => {
    const filters = filtersOf({
      periode: 'siecle',
      entite: 'mairie',
      point: '-1',
      poste: 'x',
      canal: 'pigeon',
    });
    expect(filters).toEqual({
      periode: 'mois',
      du: '',
      au: '',
      entite: undefined,
      pointId: undefined,
      posteId: undefined,
      canal: undefined,
      granularite: undefined,
    });
  });

  it('waits for both dates of a chosen period', () => {
    expect(requestOf(filtersOf({ periode: 'personnalisee', du: '2025-01-01' }), TODAY)).toEqual({
      incomplete: 'Indiquez les deux dates de la période choisie.',
    });
  });

  it('writes back only what differs from the defaults, and parses it back the same', () => {
    expect(paramsOf(filtersOf({}))).toEqual({});
    const params = {
      periode: 'personnalisee',
      du: '2025-01-01',
      au: '2025-02-01',
      canal: 'courriel',
      point: '2',
    };
    expect(paramsOf(filtersOf(params))).toEqual(params);
    // The dates of a chosen period are dropped when the period is no longer « chosen ».
    expect(paramsOf({ ...filtersOf(params), periode: 'annee' })).toEqual({
      periode: 'annee',
      canal: 'courriel',
      point: '2',
    });
  });

  it('picks a granularity a chart can show', () => {
    expect(naturalGranularite('2026-03-01', '2026-03-31')).toBe('jour');
    expect(naturalGranularite('2026-01-01', '2026-06-30')).toBe('semaine');
    expect(naturalGranularite('2024-01-01', '2026-06-30')).toBe('mois');
    expect(rangeOf(filtersOf({ periode: 'annee' }), TODAY)).toEqual({ du: '2026-01-01', au: TODAY });
  });

  it('takes today in Paris, not in the machine’s zone', () => {
    // 23:30 UTC on 31 December is already 1 January in Paris.
    expect(parisToday(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
  });
});
