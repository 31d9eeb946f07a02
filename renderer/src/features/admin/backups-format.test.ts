import { describe, expect, it } from 'vitest';
import { formatInstant, formatSize, originLabel } from './backups-format';

describe('backups as shown in the settings', () => {
  it('writes sizes in French units', () => {
    expect(formatSize(512)).toBe('512 o');
    expect(formatSize(237_568)).toBe('232 Ko');
    expect(formatSize(1_468_006)).toBe('1,4 Mo');
    expect(formatSize(52_428_800)).toBe('50 Mo');
  });

  it('writes the instant as a French date and time', () => {
    const at = new Date(2026, 10, 23, 10, 5).toISOString();
    expect(formatInstant(at)).toBe('23 novembre 2026 à 10:05');
    expect(formatInstant('pas une date')).toBe('pas une date');
  });

  it('says why each copy was taken', () => {
    expect(originLabel({ origin: 'manuelle', schema: null })).toBe('Sauvegarde');
    expect(originLabel({ origin: 'avant-restauration', schema: null })).toBe('Avant une restauration');
    expect(originLabel({ origin: 'avant-migration', schema: 2 })).toContain('schéma 2');
  });
});
