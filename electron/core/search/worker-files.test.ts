import { describe, expect, it } from 'vitest';
import { runCountingYields } from '../../../dev/test-support/steps';
import type { ContentFile } from '../knowledge/content-files';
import { packFilesInSteps, transferablesOf, unpackFiles } from './worker-files';

/** The files packed, and how many steps it took. */
function packCounting(files: ContentFile[]) {
  const { value, yields } = runCountingYields(packFilesInSteps(files));
  return { packed: value, yields };
}

describe('content files carried to the index worker', () => {
  const files: ContentFile[] = [
    {
      path: 'fiches/état-civil/naissance.md',
      text: '---\ntitre: Déclarer une naissance\n---\nœuvre « à » 😀',
    },
    { path: 'vide.md', text: '' },
    { path: 'trop-gros.md', text: '', problem: 'fichier trop volumineux (3 Mo)' },
    { path: 'themes.yml', text: 'themes:\n  - id: etat-civil\n' },
  ];

  it('gives back every path, text and problem as they were, accents and surrogate pairs included', () => {
    const { packed } = packCounting(files);
    expect(unpackFiles(packed)).toEqual(files);
  });

  it('survives the move to a worker: what is transferred is the buffers themselves', () => {
    const { packed } = packCounting(files);
    const moved = structuredClone(packed, { transfer: transferablesOf(packed) });
    // The sender's buffers are detached: nothing was copied.
    expect(packed.bytes.byteLength).toBe(0);
    expect(unpackFiles(moved)).toEqual(files);
  });

  it('packs many files a step at a time', () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({ path: `f${i}.md`, text: `texte n° ${i}` }));
    const { packed, yields } = packCounting(many);
    expect(yields).toBeGreaterThanOrEqual(5);
    expect(unpackFiles(packed)).toEqual(many);
  });

  it('packs no files', () => {
    expect(unpackFiles(packCounting([]).packed)).toEqual([]);
  });
});
