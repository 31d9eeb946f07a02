import { rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ficheFile, writeContentFolder } from '../../../dev/test-support/content';
import { runCountingYields } from '../../../dev/test-support/steps';
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
    const { value, yields } = runCountingYields(contentFolderInSteps(dir));
    const atOnce = readContentFolder(dir);
    expect(yields).toBeGreaterThanOrEqual(2);
    expect(value).toEqual(atOnce);
    expect(value.files).toHaveLength(250);
    // The hash made while reading is the content version a desk's mirror computes from the same files.
    expect(value.hash).toBe(contentHashOf(atOnce.files));
  });
});

describe('the content folder read again', () => {
  const setUp = () => {
    const files = Array.from({ length: 30 }, (_, i) =>
      ficheFile(`fiche-${String(i).padStart(2, '0')}`, { titre: `Fiche ${i}` }, `Texte ${i}.`),
    );
    const dir = writeContentFolder(files);
    folders.push(dir);
    return { dir, first: readContentFolder(dir) };
  };

  it('takes from the disk only the files changed since the previous read, and gives what a full read gives', () => {
    const { dir, first } = setUp();
    expect(first.filesRead).toBe(30);
    const unchanged = readContentFolder(dir, first);
    expect(unchanged.filesRead).toBe(0);
    expect(unchanged.files).toEqual(first.files);
    expect(unchanged.hash).toBe(first.hash);

    const path = first.files[3]?.path ?? '';
    writeFileSync(join(dir, path), ficheFile('fiche-03', { titre: 'Fiche modifiée' }, 'Texte neuf.').text);
    writeFileSync(
      join(dir, 'fiche-nouvelle.md'),
      ficheFile('fiche-nouvelle', { titre: 'Nouvelle' }, 'Neuf.').text,
    );
    unlinkSync(join(dir, first.files[7]?.path ?? ''));
    const again = readContentFolder(dir, unchanged);
    expect(again.filesRead).toBe(2);
    const fromScratch = readContentFolder(dir);
    expect(again.files).toEqual(fromScratch.files);
    expect(again.hash).toBe(fromScratch.hash);
  });

  it('sees an edit that kept the size and put the modification time back', () => {
    const { dir } = setUp();
    const path = 'fiches/fiche-00.md';
    const full = join(dir, path);
    // A whole second, which the file system stores exactly, as `touch -r` or an archive would set it.
    const when = new Date('2026-01-02T03:04:05Z');
    utimesSync(full, when, when);
    const first = readContentFolder(dir);
    const before = first.files.find((file) => file.path === path)?.text ?? '';
    const { size, mtimeMs } = statSync(full);
    // Same length, other bytes; then the modification time put back.
    writeFileSync(full, before.replace('Fiche 0', 'Fiche X'));
    utimesSync(full, when, when);
    expect(statSync(full).size).toBe(size);
    expect(statSync(full).mtimeMs).toBe(mtimeMs);
    const again = readContentFolder(dir, first);
    expect(again.filesRead).toBe(1);
    expect(again.files.find((file) => file.path === path)?.text).toContain('Fiche X');
    expect(again.hash).not.toBe(first.hash);
  });
});
