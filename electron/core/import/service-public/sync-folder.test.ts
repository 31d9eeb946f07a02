import { existsSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syncFolder } from './sync-folder';

const national = (id: string, extra = '') =>
  `---\nid: ${id}\ntitre: "Fiche ${id}"\norigine: national\n---\nCorps ${extra}\n`;
const local = (id: string) => `---\nid: ${id}\ntitre: Fiche locale\n---\nRédigée par la commune.\n`;

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'infocite-sp-sync-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  // An old mtime, so that a rewrite would show.
  for (const name of Object.keys(files)) utimesSync(join(dir, name), 1_000_000, 1_000_000);
  return dir;
}

describe('syncFolder', () => {
  it('creates, updates, leaves identical files untouched and deletes national fiches gone upstream', () => {
    const dir = folder({
      'F1.md': national('F1'),
      'F2.md': national('F2', 'ancien'),
      'F3.md': national('F3'),
    });
    const counts = syncFolder(dir, [
      { name: 'F1.md', text: national('F1') },
      { name: 'F2.md', text: national('F2', 'nouveau') },
      { name: 'F4.md', text: national('F4') },
    ]);
    expect(counts).toEqual({
      created: ['F4.md'],
      updated: ['F2.md'],
      unchanged: ['F1.md'],
      deleted: ['F3.md'],
      conflicts: [],
    });
    expect(statSync(join(dir, 'F1.md')).mtimeMs).toBe(1_000_000_000);
    expect(readFileSync(join(dir, 'F2.md'), 'utf8')).toContain('nouveau');
    expect(existsSync(join(dir, 'F3.md'))).toBe(false);
    expect(existsSync(join(dir, '.F4.md.tmp'))).toBe(false);
  });

  it('never rewrites nor deletes a file that is not a national fiche', () => {
    const dir = folder({
      'F1.md': local('F1'),
      'horaires.md': local('horaires'),
      'notes.txt': 'origine: national',
      'sans-entete.md': 'Pas de front-matter.\n',
    });
    const counts = syncFolder(dir, [{ name: 'F1.md', text: national('F1') }]);
    expect(counts.conflicts).toEqual(['F1.md']);
    expect(counts.deleted).toEqual([]);
    expect(readFileSync(join(dir, 'F1.md'), 'utf8')).toBe(local('F1'));
    expect(readFileSync(join(dir, 'horaires.md'), 'utf8')).toBe(local('horaires'));
    expect(existsSync(join(dir, 'notes.txt'))).toBe(true);
    expect(existsSync(join(dir, 'sans-entete.md'))).toBe(true);
  });

  it('keeps the national fiches it is told to keep (their XML was broken this time)', () => {
    const dir = folder({ 'F1.md': national('F1'), 'F2.md': national('F2') });
    const counts = syncFolder(dir, [{ name: 'F1.md', text: national('F1') }], { keep: new Set(['F2.md']) });
    expect(counts.deleted).toEqual([]);
    expect(existsSync(join(dir, 'F2.md'))).toBe(true);
  });

  it('creates the folder, and refuses a file name with a path in it', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'infocite-sp-sync-')), 'a', 'b');
    expect(syncFolder(dir, [{ name: 'F1.md', text: national('F1') }]).created).toEqual(['F1.md']);
    expect(() => syncFolder(dir, [{ name: '../F1.md', text: national('F1') }])).toThrow(/invalide/);
  });
});
