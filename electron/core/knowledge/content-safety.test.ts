// Issue 17: a content folder with links, huge files, Windows line endings or hostile front-matter is reported
// file by file, never fatal, and never read outside the folder.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ficheFile, THEMES_FILE, writeContentFolder } from '../../../dev/test-support/content';
import { MAX_CONTENT_FILE_BYTES, readContentFolder, unportableNameReason } from './content-files';
import { parseKnowledge, parseKnowledgeWithCodes } from './parse';

const temporary: string[] = [];
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(): string {
  return writeContentFolder([THEMES_FILE, ficheFile('bonne')], tempDir('infocite-content-'));
}

describe('reading the content folder', () => {
  it('walks a folder holding a symlink loop quickly and reports the loop', () => {
    const dir = folder();
    symlinkSync('..', join(dir, 'fiches', 'boucle'));
    symlinkSync('.', join(dir, 'fiches', 'ici'));
    const started = performance.now();
    const snapshot = readContentFolder(dir);
    expect(performance.now() - started).toBeLessThan(2_000);
    const kb = parseKnowledge(snapshot.files);
    expect(kb.fiches.map((f) => f.id)).toEqual(['bonne']);
    expect(kb.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'fiches/boucle', message: expect.stringContaining('en boucle') }),
        expect.objectContaining({ path: 'fiches/ici', message: expect.stringContaining('en boucle') }),
      ]),
    );
  });

  it('does not follow directory or file links out of the folder, and reports them', () => {
    const outside = writeContentFolder([ficheFile('secrete')], tempDir('infocite-outside-'));
    const dir = folder();
    symlinkSync(join(outside, 'fiches'), join(dir, 'fiches', 'ailleurs'));
    symlinkSync(join(outside, 'fiches', 'secrete.md'), join(dir, 'fiches', 'lien.md'));
    const kb = parseKnowledge(readContentFolder(dir).files);
    expect(kb.fiches.map((f) => f.id)).toEqual(['bonne']);
    expect(kb.problems.map((p) => [p.path, p.message])).toEqual([
      ['fiches/ailleurs', expect.stringContaining('hors du dossier de contenu')],
      ['fiches/lien.md', expect.stringContaining('hors du dossier de contenu')],
    ]);
  });

  it('still follows links that stay inside the folder', () => {
    const dir = folder();
    mkdirSync(join(dir, 'archives'));
    writeContentFolder([ficheFile('archivee')], join(dir, 'archives'));
    symlinkSync(join(dir, 'archives', 'fiches'), join(dir, 'fiches', 'anciennes'));
    const kb = parseKnowledge(readContentFolder(dir).files);
    expect(kb.fiches.map((f) => f.id).sort()).toEqual(['archivee', 'bonne']);
    expect(kb.problems).toEqual([]);
  });

  it('reports an oversized file and skips it without reading it', () => {
    const dir = folder();
    const huge = join(dir, 'fiches', 'enorme.md');
    writeFileSync(huge, '');
    truncateSync(huge, MAX_CONTENT_FILE_BYTES + 1);
    const snapshot = readContentFolder(dir);
    expect(snapshot.files.find((f) => f.path === 'fiches/enorme.md')?.text).toBe('');
    const kb = parseKnowledgeWithCodes(snapshot.files);
    expect(kb.fiches.map((f) => f.id)).toEqual(['bonne']);
    expect(kb.problems).toEqual([
      {
        path: 'fiches/enorme.md',
        severity: 'erreur',
        code: 'unreadable_file',
        message: expect.stringMatching(/^fichier trop volumineux \(2,0 Mo, au plus 2 Mo\)/),
      },
    ]);
  });
});

describe('parsing hostile or foreign files', () => {
  const lf = ficheFile('fenetres').text;

  it.each([
    ['CRLF', lf.replaceAll('\n', '\r\n')],
    ['CR', lf.replaceAll('\n', '\r')],
    ['BOM', `\uFEFF${lf}`],
    ['BOM + CRLF', `\uFEFF${lf.replaceAll('\n', '\r\n')}`],
  ])('parses a file with %s like its LF twin', (_label, text) => {
    const expected = parseKnowledge([THEMES_FILE, { path: 'fiches/fenetres.md', text: lf }]);
    const kb = parseKnowledge([THEMES_FILE, { path: 'fiches/fenetres.md', text }]);
    expect(kb.problems).toEqual([]);
    expect(kb.fiches).toEqual(expected.fiches);
    expect(kb.fiches[0]?.mise_a_jour).toBe('2026-01-15');
  });

  it('reports a front-matter nested deeper than 20 levels, however deep, without overflowing', () => {
    const deep = (n: number) => `---\nid: profonde\nx: ${'['.repeat(n)}1${']'.repeat(n)}\n---\nCorps.\n`;
    for (const n of [25, 10_000]) {
      const kb = parseKnowledge([THEMES_FILE, { path: 'fiches/profonde.md', text: deep(n) }]);
      expect(kb.fiches).toEqual([]);
      expect(kb.problems).toEqual([
        expect.objectContaining({
          path: 'fiches/profonde.md',
          message: "en-tête trop imbriqué (plus de 20 niveaux de listes ou d'objets)",
        }),
      ]);
    }
    const block = `---\nid: profonde\nx:\n  ${'- '.repeat(10_000)}1\n---\nCorps.\n`;
    const kb = parseKnowledge([THEMES_FILE, { path: 'fiches/profonde.md', text: block }]);
    expect(kb.problems.map((p) => p.message)).toEqual([
      "en-tête trop imbriqué (plus de 20 niveaux de listes ou d'objets)",
    ]);
  });

  it.each(['__proto__', 'constructor'])('reports a « %s » key clearly', (key) => {
    const text = ficheFile('proto').text.replace('---\n', `---\n${key}:\n  x: 1\n`);
    const kb = parseKnowledge([THEMES_FILE, { path: 'fiches/proto.md', text }]);
    expect(kb.fiches).toEqual([]);
    expect(kb.problems).toEqual([
      expect.objectContaining({ path: 'fiches/proto.md', message: `nom de champ interdit « ${key} »` }),
    ]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('refuses ids that Windows reserves for devices', () => {
    const kb = parseKnowledge([THEMES_FILE, ficheFile('CON'), ficheFile('nul'), ficheFile('com1')]);
    expect(kb.fiches).toEqual([]);
    expect(kb.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('« CON » est un nom réservé par Windows'),
      expect.stringContaining('« nul » est un nom réservé par Windows'),
      expect.stringContaining('« com1 » est un nom réservé par Windows'),
    ]);
  });
});

describe('portable file names', () => {
  it.each([
    'CON',
    'nul.md',
    'COM1',
    'lpt1.txt',
    'Aux.md',
    'fin.',
    'fin ',
    'a<b',
    'a:b',
    'a"b',
    'a|b',
    'a?b',
    'a*b',
    'a\u0001b',
    '..',
  ])('refuses « %s »', (name) => {
    expect(unportableNameReason(name)).toEqual(expect.any(String));
  });

  it.each(['passeport.md', 'console.md', 'com10', 'nulle.md', 'aux-2'])('accepts « %s »', (name) => {
    expect(unportableNameReason(name)).toBeNull();
  });
});
