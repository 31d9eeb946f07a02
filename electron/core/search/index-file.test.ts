import { describe, expect, it } from 'vitest';
import { runCountingYields } from '../../../dev/test-support/steps';
import { runAtOnce } from '../steps';
import { checksumMatchesInSteps, crc32, encodeIndexFile, readIndexFile } from './index-file';

describe('the index file checksum, checked in steps', () => {
  const header = { format: 6, analyzerVersion: 3, contentHash: 'abc', builtAt: '2026-12-04T00:00:00Z' };
  // Larger than a step (2 MB), and not a multiple of it.
  const big = Uint8Array.from({ length: 5_000_003 }, (_, i) => (i * 2_654_435_761) >>> 24);
  const file = encodeIndexFile(header, [big, Buffer.from('fin')]);

  it('agrees with the checksum of the whole file, over several steps', () => {
    const { value, yields } = runCountingYields(checksumMatchesInSteps(file));
    expect(yields).toBeGreaterThanOrEqual(3);
    expect(value).toBe(true);
    expect(() => readIndexFile(file, true)).not.toThrow();
  });

  it('fails for one byte changed anywhere after the header, as the whole-file check does', () => {
    for (const at of [40, file.length >> 1, file.length - 1]) {
      const flipped = Uint8Array.from(file, (byte, i) => (i === at ? byte ^ 1 : byte));
      expect(runAtOnce(checksumMatchesInSteps(flipped)), `byte ${at}`).toBe(false);
      expect(() => readIndexFile(flipped, true)).toThrow(/checksum/);
    }
  });

  it('is the standard CRC-32, and continues from the one of the bytes before', () => {
    // The check value of CRC-32 (ISO-HDLC), which the files written so far carry.
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    const bytes = Buffer.from('Se marier à Montrouval : pièces à fournir');
    expect(crc32(bytes.subarray(17), crc32(bytes.subarray(0, 17)))).toBe(crc32(bytes));
  });
});
