import { describe, expect, it } from 'vitest';
import { safeCsvName } from './downloadFile';

describe('safeCsvName', () => {
  it('keeps the core’s name when it is already safe', () => {
    expect(safeCsvName('indicateurs-2025-01-01-2025-12-31.csv')).toBe(
      'indicateurs-2025-01-01-2025-12-31.csv',
    );
  });

  it('adds the extension and removes path separators and control characters', () => {
    expect(safeCsvName('bilan-annuel-2025')).toBe('bilan-annuel-2025.csv');
    expect(safeCsvName('../../etc/passwd')).toBe('etc-passwd.csv');
    expect(safeCsvName('a\u0000b:c.csv')).toBe('a-b-c.csv');
    expect(safeCsvName('')).toBe('export.csv');
  });
});
