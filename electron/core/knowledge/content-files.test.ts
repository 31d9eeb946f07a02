import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ficheFile, writeContentFolder } from '../../../dev/test-support/content';
import { contentFolderInSteps, contentHashOf, readContentFolder } from './content-files';

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the content folder read in steps', () => {
  it('reads and hashes the same files as a read at once, a few hundred files over several steps', () => {
    const files = Array.from({ length: 250 }, (_, i) =>
      ficheFile(`fiche-${String(i).padStart(3, '0')}`, { titre: `Fiche ${i}` }, `Texte ${i}.`),
    );
    const dir = writeContentFolder(files);
    folders.push(dir);
    const steps = contentFolderInSteps(dir);
    let yielded = 0;
    let step = steps.next();
    while (!step.done) {
      yielded++;
      step = steps.next();
    }
    const atOnce = readContentFolder(dir);
    expect(yielded).toBeGreaterThanOrEqual(2);
    expect(step.value).toEqual(atOnce);
    expect(step.value.files).toHaveLength(250);
    // The hash made while reading is the content version a desk's mirror computes from the same files.
    expect(step.value.hash).toBe(contentHashOf(atOnce.files));
  });
});
