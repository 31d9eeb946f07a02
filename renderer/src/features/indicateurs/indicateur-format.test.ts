import { describe, expect, it } from 'vitest';
import type { Indicateur } from '../../../../common/indicateurs/types';
import {
  formatValue,
  heatLevel,
  hoursShown,
  objectiveLongText,
  objectiveText,
  parseDecimal,
  periodLabel,
  shortPeriodLabel,
  trendArrow,
  trendText,
  trendTone,
} from './indicateur-format';

// Intl's French grouping uses a narrow no-break space.
const nb = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

describe('indicator values', () => {
  it('reads counts, rates and durations in French', () => {
    expect(nb(formatValue(1234, 'nombre'))).toBe('1 234');
    expect(formatValue(82.5, 'pourcentage')).toBe('82,5 %');
    expect(formatValue(200, 'secondes')).toBe('3 min 20 s');
    expect(formatValue(45, 'secondes')).toBe('45 s');
    expect(formatValue(null, 'pourcentage')).toBe('–');
  });

  it('writes an objective with its direction and margin', () => {
    const objectif = { indicateur: 'taux_premier_niveau', cible: 80, sens: 'au_moins', marge: 5 } as const;
    expect(objectiveText(objectif, 'pourcentage')).toBe('≥ 80 %');
    expect(objectiveText(null, 'pourcentage')).toBe('');
    expect(objectiveLongText(objectif, 'pourcentage')).toBe('au moins 80 % (proche à 5 points près)');
    expect(objectiveLongText({ ...objectif, sens: 'au_plus', marge: 0 }, 'pourcentage')).toBe('au plus 80 %');
  });

  it('says a trend in words, in points for a rate, with the period compared', () => {
    const tendance = {
      du: '2025-01-01',
      au: '2025-01-31',
      precedente: 78,
      ecart: 3.5,
      sens: 'hausse',
    } as const;
    expect(trendText(tendance, 'pourcentage')).toBe(
      'en hausse de 3,5 points (contre 78 % du 1er janvier 2025 au 31 janvier 2025)',
    );
    expect(trendText({ ...tendance, ecart: -2, sens: 'baisse', precedente: 12 }, 'nombre')).toBe(
      'en baisse de 2 (contre 12 du 1er janvier 2025 au 31 janvier 2025)',
    );
    expect(trendText({ ...tendance, precedente: null, ecart: null, sens: null }, 'nombre')).toMatch(
      /pas de comparaison/,
    );
    expect(trendArrow('hausse')).toBe('↑');
    expect(trendArrow('baisse')).toBe('↓');
    expect(trendArrow(null)).toBe('');
  });

  it('colours a trend by the objective’s direction: fewer unresolved contacts is good news', () => {
    const base = {
      objectif: { indicateur: 'taux_non_resolu', cible: 5, sens: 'au_plus', marge: 1 },
      tendance: { du: '', au: '', precedente: 8, ecart: -2, sens: 'baisse' },
    } as Pick<Indicateur, 'objectif' | 'tendance'>;
    expect(trendTone(base)).toBe('bon');
    expect(trendTone({ ...base, tendance: { ...base.tendance, sens: 'hausse' } })).toBe('mauvais');
    expect(trendTone({ ...base, objectif: null })).toBe('neutre');
  });
});

describe('periods and the heat table', () => {
  it('names a period by its granularity', () => {
    expect(periodLabel('2025-03', 'mois')).toBe('mars 2025');
    expect(periodLabel('2025-03-17', 'semaine')).toBe('semaine du 17 mars 2025');
    expect(periodLabel('2025-03-01', 'jour')).toBe('1er mars 2025');
    expect(shortPeriodLabel('2025-03-01', 'jour')).toBe('01/03');
    expect(shortPeriodLabel('2025-03-17', 'semaine')).toBe('sem. 17/03');
    expect(shortPeriodLabel('2025-03', 'mois')).toBe('mars 2025');
  });

  it('shades a cell from 0 (none) to 5 (the busiest)', () => {
    expect(heatLevel(0, 10)).toBe(0);
    expect(heatLevel(1, 10)).toBe(1);
    expect(heatLevel(10, 10)).toBe(5);
    expect(heatLevel(6, 10)).toBe(3);
  });

  it('shows office hours at least, widened to any hour with a contact', () => {
    expect(hoursShown([])).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
    expect(hoursShown([{ heure: 7 }, { heure: 19 }])).toEqual([
      7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
    ]);
  });

  it('reads a decimal typed with a comma or a point', () => {
    expect(parseDecimal('80,5')).toBe(80.5);
    expect(parseDecimal(' 80 ')).toBe(80);
    expect(parseDecimal('80.5')).toBe(80.5);
    expect(parseDecimal('quatre-vingts')).toBeNull();
    expect(parseDecimal('-3')).toBeNull();
  });
});
