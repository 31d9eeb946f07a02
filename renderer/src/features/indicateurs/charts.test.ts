import { describe, expect, it } from 'vitest';
import type { Periode } from '../../../../common/indicateurs/types';
import { ISSUES } from '../../../../common/journal/codes';
import { hasBars, rankingChart, rankingSize, truncate, volumesChart } from './charts';

const zero = Object.fromEntries(ISSUES.map((issue) => [issue, 0])) as Periode['parIssue'];

describe('chart configurations', () => {
  it('stacks the contacts of each period by outcome', () => {
    const volumes: Periode[] = [
      {
        cle: '2025-01',
        debut: '2025-01-01',
        fin: '2025-01-31',
        contacts: 3,
        parIssue: { ...zero, repondu: 2, non_resolu: 1 },
      },
      { cle: '2025-02', debut: '2025-02-01', fin: '2025-02-28', contacts: 0, parIssue: zero },
    ];
    const config = volumesChart(volumes, 'mois');
    expect(config.data.labels).toEqual(['janvier 2025', 'février 2025']);
    const days = [{ ...volumes[1]!, cle: '2025-02-03', debut: '2025-02-03', fin: '2025-02-03' }];
    expect(volumesChart(days, 'jour').data.labels).toEqual(['03/02']);
    expect(config.data.datasets).toHaveLength(ISSUES.length);
    expect(config.data.datasets[0]?.data).toEqual([2, 0]);
    expect(config.data.datasets[5]?.data).toEqual([1, 0]);
  });

  it('ranks rows as horizontal bars, long names cut (the table keeps them whole)', () => {
    const config = rankingChart([{ label: 'x'.repeat(60), value: 4 }], 'Contacts');
    expect(config.options?.indexAxis).toBe('y');
    expect(String(config.data.labels?.[0])).toHaveLength(40);
    expect(truncate('court', 40)).toBe('court');
    expect(rankingSize(1)).toBe('small');
    expect(rankingSize(6)).toBe('medium');
    expect(rankingSize(20)).toBe('large');
    expect(hasBars([0, 0])).toBe(false);
    expect(hasBars([0, 2])).toBe(true);
  });
});
