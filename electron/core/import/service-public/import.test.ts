import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readContentFolder } from '../../knowledge/content-files';
import { parseKnowledge } from '../../knowledge/parse';
import { ImportError, formatSummary, importServicePublic } from './import';
import { dossierXml, publicationXml } from '../../../../dev/test-support/service-public';
import { sharedCorpusFile, skipWithoutCorpus } from '../../../../dev/test-support/shared-corpus';

const temp = (prefix: string) => mkdtempSync(join(tmpdir(), `infocite-sp-${prefix}-`));

/** An archive folder with three fiches linking to each other, a dossier and a broken fiche. */
function archive(): string {
  const dir = temp('archive');
  writeFileSync(
    join(dir, 'F1.xml'),
    publicationXml({
      id: 'F1',
      title: 'Carte d&apos;identité',
      body: `<Texte><Paragraphe>Voir <LienInterne LienPublication="F2">le passeport</LienInterne>, <LienInterne LienPublication="F4">la fiche cassée</LienInterne> et <LienInterne LienPublication="N1"/>.</Paragraphe></Texte>
        <OuSAdresser ID="R1" type="Local"><Titre>Mairie</Titre><PivotLocal>mairie</PivotLocal></OuSAdresser>`,
    }),
  );
  writeFileSync(join(dir, 'F2.xml'), publicationXml({ id: 'F2', title: 'Passeport' }));
  writeFileSync(join(dir, 'F3.xml'), publicationXml({ id: 'F3', title: 'Permis de conduire' }));
  writeFileSync(join(dir, 'F4.xml'), publicationXml({ id: 'F4' }).replace('</dc:title>', ''));
  writeFileSync(join(dir, 'N1.xml'), dossierXml('N1', 'Papiers d&apos;identité'));
  return dir;
}

const mtime = (path: string) => statSync(path).mtimeMs;

describe('importServicePublic', () => {
  it('writes one fiche per valid F*.xml, reports the broken one and goes on', async () => {
    const out = temp('out');
    const progress: Array<[number, number]> = [];
    const report = await importServicePublic({
      from: archive(),
      outDir: out,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(report.total).toBe(4);
    expect(report.dossiers).toBe(1);
    expect(report.sync.created).toEqual(['F1.md', 'F2.md', 'F3.md']);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]?.file).toBe('F4.xml');
    expect(report.errors[0]?.reason).toMatch(/^XML mal formé, ligne \d+/);
    expect(progress[0]).toEqual([0, 4]);
    expect(progress.at(-1)).toEqual([4, 4]);
    expect(readdirSync(out).sort()).toEqual(['F1.md', 'F2.md', 'F3.md']);

    const f1 = readFileSync(join(out, 'F1.md'), 'utf8');
    expect(f1).toContain('[le passeport](fiche:F2)');
    // F4 was skipped and was never imported: its link goes to Service-Public.fr rather than nowhere.
    expect(f1).toContain('[la fiche cassée](https://www.service-public.fr/particuliers/vosdroits/F4)');
    expect(f1).toContain("[Papiers d'identité](https://www.service-public.fr/particuliers/vosdroits/N1)");

    const knowledge = parseKnowledge(readContentFolder(out).files);
    expect(knowledge.problems).toEqual([]);
    expect(knowledge.fiches.map((fiche) => fiche.id).sort()).toEqual(['F1', 'F2', 'F3']);
    expect(formatSummary(report)).toMatch(
      /^Import Service-Public\.fr : 4 fiches lues\. 3 créées, 0 mises à jour, 0 inchangées, 0 supprimées, 1 en erreur, 0 recherches guidées écartées ; durée \d+,\d s\.$/,
    );
  });

  it('is idempotent, updates what changed, deletes what is gone and never touches local files', async () => {
    const from = archive();
    const out = temp('out');
    await importServicePublic({ from, outDir: out });
    const localFiche = '---\nid: horaires-mairie\ntitre: Horaires\norigine: local\n---\nÀ la mairie.\n';
    writeFileSync(join(out, 'horaires-mairie.md'), localFiche);
    for (const name of readdirSync(out)) utimesSync(join(out, name), 1_000_000, 1_000_000);

    const second = await importServicePublic({ from, outDir: out });
    expect(second.sync).toMatchObject({ created: [], updated: [], deleted: [] });
    expect(second.sync.unchanged).toEqual(['F1.md', 'F2.md', 'F3.md']);
    for (const name of readdirSync(out)) expect(mtime(join(out, name))).toBe(1_000_000_000);

    // Upstream: F2 changes, F3 disappears, F5 appears; F4 is still broken.
    writeFileSync(join(from, 'F2.xml'), publicationXml({ id: 'F2', title: 'Passeport biométrique' }));
    rmSync(join(from, 'F3.xml'));
    writeFileSync(join(from, 'F5.xml'), publicationXml({ id: 'F5', title: 'Acte de naissance' }));
    const third = await importServicePublic({ from, outDir: out });
    expect(third.sync).toEqual({
      created: ['F5.md'],
      updated: ['F2.md'],
      unchanged: ['F1.md'],
      deleted: ['F3.md'],
      conflicts: [],
    });
    expect(readFileSync(join(out, 'F2.md'), 'utf8')).toContain('titre: "Passeport biométrique"');
    expect(existsSync(join(out, 'F3.md'))).toBe(false);
    expect(readFileSync(join(out, 'horaires-mairie.md'), 'utf8')).toBe(localFiche);
    expect(mtime(join(out, 'horaires-mairie.md'))).toBe(1_000_000_000);
    expect(mtime(join(out, 'F1.md'))).toBe(1_000_000_000);
  });

  it('keeps the last good version of a fiche whose XML breaks, and a local file bearing a fiche’s name', async () => {
    const from = archive();
    const out = temp('out');
    await importServicePublic({ from, outDir: out });
    const good = readFileSync(join(out, 'F2.md'), 'utf8');
    writeFileSync(join(from, 'F2.xml'), '<Publication ID="F2"><dc:title>Passeport</Publication>');
    const localF3 = '---\nid: F3\ntitre: Version de la commune\n---\nTexte local.\n';
    writeFileSync(join(out, 'F3.md'), localF3);

    const report = await importServicePublic({ from, outDir: out });
    expect(readFileSync(join(out, 'F2.md'), 'utf8')).toBe(good);
    expect(readFileSync(join(out, 'F3.md'), 'utf8')).toBe(localF3);
    expect(report.sync.deleted).toEqual([]);
    expect(report.errors.map((error) => error.file)).toEqual(['F2.xml', 'F4.xml', 'F3.md']);
    // The link to F2 still points inside the app: the fiche is still there.
    expect(readFileSync(join(out, 'F1.md'), 'utf8')).toContain('[le passeport](fiche:F2)');
  });

  it('refuses an archive that cannot be read or holds no fiche, without touching the output folder', async () => {
    const out = temp('out');
    writeFileSync(join(out, 'F9.md'), '---\nid: F9\norigine: national\n---\n');
    await expect(importServicePublic({ from: join(out, 'absent.zip'), outDir: out })).rejects.toThrow(
      ImportError,
    );
    const empty = temp('empty');
    writeFileSync(join(empty, 'N1.xml'), dossierXml('N1', 'Dossier'));
    await expect(importServicePublic({ from: empty, outDir: out })).rejects.toThrow(/aucune fiche F\*\.xml/);
    expect(existsSync(join(out, 'F9.md'))).toBe(true);
  });
});

const REAL_ARCHIVE = sharedCorpusFile('service-public/vosdroits-particuliers-2020-11.zip');
const skipReal = skipWithoutCorpus(REAL_ARCHIVE, "Le test d'import de fiches réelles de Service-Public.fr");

describe('importServicePublic on real DILA files', () => {
  it.skipIf(skipReal)('imports about 30 real fiches that all pass the knowledge-base parser', async () => {
    // Six fiches chosen for their structure (situations, tables, guided search, external links…), then the
    // first others in name order.
    const chosen = ['F1344.xml', 'F10007.xml', 'F34300.xml', 'F1.xml', 'F10004.xml', 'F1700.xml'];
    const bytes = readFileSync(REAL_ARCHIVE);
    const names: string[] = [];
    unzipSync(bytes, { filter: (file) => (names.push(file.name), false) });
    const others = names.filter((name) => /^F\d+\.xml$/.test(name) && !chosen.includes(name)).sort();
    const sample = new Set([...chosen, ...others.slice(0, 30 - chosen.length)]);
    const from = temp('real');
    for (const [name, data] of Object.entries(
      unzipSync(bytes, { filter: (file) => sample.has(file.name) }),
    )) {
      writeFileSync(join(from, name), data);
    }
    const out = temp('real-out');
    const report = await importServicePublic({ from, outDir: out });
    expect(report.errors).toEqual([]);
    expect(report.total).toBe(30);

    const knowledge = parseKnowledge(readContentFolder(out).files);
    expect(knowledge.problems.filter((problem) => problem.severity === 'erreur')).toEqual([]);
    // Links to fiches outside the sample go to Service-Public.fr: none is broken.
    expect(knowledge.problems).toEqual([]);
    // Guided searches (navigation trees) are left out.
    expect(knowledge.fiches).toHaveLength(30 - report.guided.length);
    const cni = knowledge.fiches.find((fiche) => fiche.id === 'F1344');
    expect(cni).toMatchObject({
      // DILA writes French typography: no-break spaces around the colon.
      titre: "Carte d'identité d'un majeur\u00a0:\u00a0en cas de perte",
      themes: ['Papiers - Citoyenneté'],
      mise_a_jour: '2020-08-26',
      origine: 'national',
      source: 'https://www.service-public.fr/particuliers/vosdroits/F1344',
    });
    expect(cni?.pivots).toContain('commissariat_police');
    expect(cni?.body).toContain('## En France');
    expect(cni?.body).toContain("## Où s'adresser");
  });
});

describe('guided searches', () => {
  it('leaves out Service-Public.fr navigation trees and says so', async () => {
    const from = mkdtempSync(join(tmpdir(), 'infocite-guided-'));
    writeFileSync(join(from, 'F1.xml'), publicationXml({ id: 'F1' }));
    writeFileSync(
      join(from, 'F2.xml'),
      publicationXml({ id: 'F2', title: '**CNI -Perte majeur' }).replace(
        'type="Fiche d\'information"',
        'type="Recherche guidée"',
      ),
    );
    const out = mkdtempSync(join(tmpdir(), 'infocite-guided-out-'));
    const report = await importServicePublic({ from, outDir: out });
    expect(report.guided).toEqual(['F2.xml']);
    expect(readdirSync(out)).toEqual(['F1.md']);
    expect(formatSummary(report)).toContain('2 fiches lues. 1 créées');
    expect(formatSummary(report)).toContain('1 recherches guidées écartées');
  });
});
