import { describe, expect, it } from 'vitest';
import { LABEL_ACTIONS } from '../../../../common/label/types';
import { ACTION_NAMES, yearOf } from './bilan-format';

describe('the annual review', () => {
  it('reads the year from the URL, the current one when absent or out of range', () => {
    expect(yearOf('2025', '2026-03-17')).toBe(2025);
    expect(yearOf(undefined, '2026-03-17')).toBe(2026);
    expect(yearOf('25', '2026-03-17')).toBe(2026);
    expect(yearOf('1999', '2026-03-17')).toBe(2026);
  });

  it('names every decision of the label', () => {
    for (const action of LABEL_ACTIONS) expect(ACTION_NAMES[action]).toBeTruthy();
  });
});
