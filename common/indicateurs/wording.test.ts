import { describe, expect, it } from 'vitest';
import { asOf, comparedWith, dashboardPeriod, reviewPeriod } from './wording';

const CURRENT = {
  annee: 2026,
  du: '2026-01-01',
  au: '2026-12-03',
  complete: false,
  precedente: { du: '2025-01-01', au: '2025-12-03' },
};
const CLOSED = {
  annee: 2025,
  du: '2025-01-01',
  au: '2025-12-31',
  complete: true,
  precedente: { du: '2024-01-01', au: '2024-12-31' },
};

describe('the wording of periods', () => {
  it('says « au 31 décembre » only for a closed year', () => {
    expect(asOf(CLOSED)).toBe('au 31 décembre 2025');
    expect(asOf(CURRENT)).toBe('au 3 décembre 2026');
  });

  it('names the same span of last year and warns that the year is incomplete', () => {
    expect(comparedWith(CLOSED)).toBe('2024');
    expect(comparedWith(CURRENT)).toBe('la même période de 2025 (du 1er janvier 2025 au 3 décembre 2025)');
    expect(reviewPeriod(CURRENT)).toContain('Année en cours, incomplète');
    expect(reviewPeriod(CURRENT)).toContain('du 1er janvier au 3 décembre 2026');
    expect(reviewPeriod(CLOSED)).toBe('Année complète, du 1er janvier au 31 décembre 2025.');
  });

  it('says what the dashboard compares with and that a running period is incomplete', () => {
    const text = dashboardPeriod(
      { du: '2026-01-01', au: '2026-12-03' },
      {
        incomplete: true,
        precedente: { du: '2025-01-01', au: '2025-12-03' },
        comparaison: 'meme_periode_annee_precedente',
      },
    );
    expect(text).toContain('du 1er janvier 2025 au 3 décembre 2025');
    expect(text).toContain('la même période de l’année précédente');
    expect(text).toContain('incomplets');
  });
});
