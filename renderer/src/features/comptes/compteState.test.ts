import { describe, expect, it } from 'vitest';
import { isLocked } from './compteState';

describe('isLocked', () => {
  it('is true only while the lock lasts', () => {
    const now = Date.parse('2026-11-23T09:00:00Z');
    expect(isLocked({ verrouilleJusqu: null }, now)).toBe(false);
    expect(isLocked({ verrouilleJusqu: '2026-11-23T09:10:00.000Z' }, now)).toBe(true);
    expect(isLocked({ verrouilleJusqu: '2026-11-23T08:50:00.000Z' }, now)).toBe(false);
  });
});
