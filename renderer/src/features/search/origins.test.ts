import { describe, expect, it } from 'vitest';
import { nationalCitation, origineChoices, showOrigineFilter, updatedOn } from './origins';

describe('origineChoices', () => {
  it('offers every origin, then the local fiches, then Service-Public.fr, with their counts', () => {
    expect(origineChoices({ local: 3, national: 5 })).toEqual([
      { value: undefined, label: 'Toutes', count: 8 },
      { value: 'local', label: 'Fiches locales', count: 3 },
      { value: 'national', label: 'Service-Public.fr', count: 5 },
    ]);
  });
});

describe('showOrigineFilter', () => {
  it('shows the filter when it can split the results', () => {
    expect(showOrigineFilter({ local: 1, national: 2 }, undefined)).toBe(true);
  });

  it('hides it when only one origin answers, unless it is on', () => {
    expect(showOrigineFilter({ local: 4, national: 0 }, undefined)).toBe(false);
    expect(showOrigineFilter({ local: 0, national: 4 }, undefined)).toBe(false);
    expect(showOrigineFilter({ local: 0, national: 0 }, 'local')).toBe(true);
  });
});

describe('national dates and citation', () => {
  it('writes the update date in French', () => {
    expect(updatedOn('2020-08-26')).toBe('mis à jour le 26 août 2020');
    expect(updatedOn('2021-03-01')).toBe('mis à jour le 1er mars 2021');
  });

  it('cites Service-Public.fr as the Licence Ouverte asks', () => {
    const { before, source, after } = nationalCitation('2020-08-26');
    expect(`${before}${source}${after}`).toBe(
      'Source : Service-Public.fr (DILA), mise à jour le 26 août 2020 — Licence Ouverte',
    );
    expect(source).toBe('Service-Public.fr');
  });
});
