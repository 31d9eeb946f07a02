import { describe, expect, it } from 'vitest';
import { fixed, formatTable, ms, timingRow, type TimingColumns } from './table';

describe('formatTable', () => {
  it('aligns the first column left and the others right', () => {
    const text = formatTable(
      ['engine', 'p95 ms'],
      [
        ['lunr', '12.5'],
        ['FTS5', '0.8'],
      ],
    );
    expect(text.split('\n')).toEqual([
      'engine  p95 ms',
      '──────  ──────',
      'lunr      12.5',
      'FTS5       0.8',
    ]);
  });

  it('counts accented letters and signs as one column', () => {
    const text = formatTable(['é', 'x'], [['✓ ≤ 5', '1']], { align: ['left', 'left'] });
    expect(text.split('\n')).toEqual(['é      x', '─────  ─', '✓ ≤ 5  1']);
  });

  it('pads missing cells', () => {
    const text = formatTable(['a', 'b', 'c'], [['1']]);
    expect(text.split('\n')[2]).toBe('1');
  });
});

describe('number formats', () => {
  it('shows a dash for what was not measured', () => {
    expect(fixed(Number.NaN)).toBe('–');
    expect(ms(Number.NaN)).toBe('–');
  });

  it('keeps the precision that suits the size', () => {
    expect(fixed(1.234, 2)).toBe('1.23');
    expect(ms(0.4234)).toBe('0.42');
    expect(ms(12.345)).toBe('12.3');
    expect(ms(250.4)).toBe('250');
  });
});

describe('timingRow', () => {
  const timing = {
    wall: { count: 2000, p50: 1.23, p95: 4.5, max: 120, mean: 2 },
    cpu: { count: 2000, p50: 0.8, p95: 3, max: 9, mean: 1 },
  };

  it('shows the chosen figures, and judges the target on the one named', () => {
    const columns: TimingColumns = {
      wall: ['count', 'p50', 'p95', 'max'],
      cpu: ['p50', 'p95'],
      judged: 'p95',
    };
    expect(timingRow('record', timing, columns, 5)).toEqual([
      'record',
      '2000',
      '1.2',
      '4.5',
      '120',
      '0.80',
      '3.0',
      '✓ ≤ 5',
    ]);
    expect(timingRow('record', timing, { wall: ['p50'], cpu: [], judged: 'p95' }, 4)).toEqual([
      'record',
      '1.2',
      '✗ > 4',
    ]);
    expect(timingRow('search', timing, { wall: ['p50'], cpu: ['max'], judged: 'p50' })).toEqual([
      'search',
      '1.2',
      '9.0',
      '',
    ]);
  });
});
