import { describe, expect, it, vi } from 'vitest';
import { sharedCorpusFile, skipWithoutCorpus } from './shared-corpus';

describe('the shared corpus in tests', () => {
  const absent = sharedCorpusFile('nulle-part/absent.zip');

  it('skips, with a warning, outside CI when the file is absent', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(skipWithoutCorpus(absent, 'Le test', '')).toBe(true);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it('never skips in CI, so the test fails on the missing file', () => {
    expect(skipWithoutCorpus(absent, 'Le test', 'true')).toBe(false);
  });

  it('points into ../shared/corpus beside the project', () => {
    expect(sharedCorpusFile('service-public/x.zip')).toMatch(/\/shared\/corpus\/service-public\/x\.zip$/);
  });
});
