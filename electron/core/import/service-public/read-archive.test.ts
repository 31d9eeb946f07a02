import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ArchiveError, readArchive } from './read-archive';

const temp = () => mkdtempSync(join(tmpdir(), 'infocite-sp-archive-'));

describe('readArchive', () => {
  it('reads the XML files of a zip by name, whatever folder they are in, in name order', () => {
    const dir = temp();
    const zip = join(dir, 'vosdroits.zip');
    writeFileSync(
      zip,
      zipSync({
        'vosdroits/F2.xml': strToU8('<Publication ID="F2"/>'),
        'F10.xml': strToU8('\uFEFF<Publication ID="F10">é</Publication>'),
        'N1.xml': strToU8('<Publication ID="N1"/>'),
        'LISEZMOI.txt': strToU8('pas du XML'),
        '__MACOSX/._F2.xml': strToU8('métadonnées'),
      }),
    );
    const files = readArchive(zip);
    expect(files.map((file) => file.name)).toEqual(['F10.xml', 'F2.xml', 'N1.xml']);
    expect(files[0]?.text).toBe('<Publication ID="F10">é</Publication>');
  });

  it('reads a folder of XML files, sub-folders included', () => {
    const dir = temp();
    mkdirSync(join(dir, 'sous-dossier'));
    writeFileSync(join(dir, 'F1.xml'), '<Publication ID="F1"/>');
    writeFileSync(join(dir, 'sous-dossier', 'F2.xml'), '<Publication ID="F2"/>');
    writeFileSync(join(dir, 'notes.md'), 'ignoré');
    expect(readArchive(dir)).toEqual([
      { name: 'F1.xml', text: '<Publication ID="F1"/>' },
      { name: 'F2.xml', text: '<Publication ID="F2"/>' },
    ]);
  });

  it('says in French why an archive cannot be read', () => {
    const dir = temp();
    expect(() => readArchive(join(dir, 'absent.zip'))).toThrow(ArchiveError);
    expect(() => readArchive(join(dir, 'absent.zip'))).toThrow(/n'existe pas/);
    writeFileSync(join(dir, 'texte.zip'), 'ceci n’est pas une archive');
    expect(() => readArchive(join(dir, 'texte.zip'))).toThrow(/ni une archive zip ni un dossier/);
    writeFileSync(join(dir, 'tronquee.zip'), Buffer.from('PK\u0003\u0004tronqué'));
    expect(() => readArchive(join(dir, 'tronquee.zip'))).toThrow(/illisible/);
  });
});
