import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseKnowledge } from '../../knowledge/parse';
import { AnnuaireImportError, formatReport, importAnnuaire } from './import';
import { recordLine } from '../../../../dev/test-support/annuaire';
import { sharedCorpusFile, skipWithoutCorpus } from '../../../../dev/test-support/shared-corpus';

const SAMPLE = sharedCorpusFile('annuaire/annuaire-doubs-2016.jsonl');

const EXPORT = [
  recordLine({
    id: 'mairie-25056-01',
    nom: 'Mairie de Besançon',
    lat: 47.2375,
    lon: 6.0242,
    geo: { commune: 'Besançon', insee_comm: '25056' },
  }),
  recordLine({ id: 'mairie-25056-02', nom: 'Mairie annexe de Planoise', lat: 47.22, lon: 5.97 }),
  recordLine({ id: 'ccas-25056-01', nom: 'CCAS de Besançon', lat: 47.24, lon: 6.02, locality: 'BESANCON' }),
  recordLine({
    id: 'epci-25056-01',
    nom: "Communauté d'agglomération du Grand Besançon",
    lat: 47.24,
    lon: 6.02,
  }),
  recordLine({ id: 'conciliateur_fiscal-25056-01', street: ['BP 46192'], lat: 47.24, lon: 6.02 }),
  '{"id": "caf-25056-01", "nom": oops}',
  recordLine({
    id: 'urssaf-25388-01',
    nom: 'Urssaf - accueil de Montbéliard',
    lat: 47.4997,
    lon: 6.8021,
    street: ['3 rue Léon Blum'],
    postalCode: '25200',
    locality: 'Montbéliard',
  }),
  recordLine({ id: 'urssaf-25462-01', lat: 46.5, lon: 6.35, locality: 'Pontarlier', postalCode: '25300' }),
  recordLine({ id: 'mairie-25388-01', lat: 47.5, lon: 6.8, locality: 'Montbéliard', postalCode: '25200' }),
].join('\n');

const tempDir = () => join(mkdtempSync(join(tmpdir(), 'infocite-annuaire-')), 'contacts', 'annuaire');

/** The knowledge base's reading of a folder of contacts, as if it were content/contacts/annuaire. */
function parseFolder(dir: string) {
  return parseKnowledge(
    readdirSync(dir)
      .filter((name) => name.endsWith('.md'))
      .map((name) => ({ path: `contacts/annuaire/${name}`, text: readFileSync(join(dir, name), 'utf8') })),
  );
}

describe('importAnnuaire', () => {
  it('writes the commune’s services and the nearest competent ones, each a valid contact', () => {
    const outDir = tempDir();
    const report = importAnnuaire({ content: EXPORT, insee: '25056', outDir });
    expect(report.sync.created).toEqual([
      'annuaire-ccas-25056-01.md',
      'annuaire-epci-25056-01.md',
      'annuaire-mairie-25056-01.md',
      'annuaire-mairie-25056-02.md',
      'annuaire-urssaf-25388-01.md',
    ]);
    expect(report.competent).toEqual([expect.objectContaining({ id: 'urssaf-25388-01', kinds: ['Urssaf'] })]);
    expect(report.skipped).toEqual([
      { id: 'conciliateur_fiscal-25056-01', line: 5, reason: 'adresse sans voie (seulement « BP 46192 »)' },
    ]);
    expect(report.lineProblems).toEqual([{ line: 6, message: expect.stringMatching(/^JSON illisible/) }]);

    const kb = parseFolder(outDir);
    expect(kb.problems.filter((p) => p.severity === 'erreur')).toEqual([]);
    const entites = Object.fromEntries(kb.contacts.map((c) => [c.id, c.entite]));
    expect(entites).toEqual({
      'annuaire-mairie-25056-01': 'ville',
      'annuaire-mairie-25056-02': 'ville',
      'annuaire-ccas-25056-01': 'ccas',
      'annuaire-epci-25056-01': 'metropole',
      'annuaire-urssaf-25388-01': 'partenaire',
    });
    expect(kb.contacts.find((c) => c.id === 'annuaire-ccas-25056-01')?.adresse.commune).toBe('Besançon');

    const text = formatReport(report);
    expect(text).toContain("Import de l'Annuaire de l'administration pour Besançon (25056)");
    expect(text).toContain('ligne 6 : JSON illisible');
    expect(text).toContain('créés : 5');
    expect(text).toContain('ignorés : 1');
    expect(text).toContain('conciliateur_fiscal-25056-01 (ligne 5) : adresse sans voie');
    expect(text).toMatch(/Urssaf : Urssaf - accueil de Montbéliard \(\d+,\d km\)/);
    expect(text).toContain('site en http:// (seul https:// est accepté) : 5');
  });

  it('is idempotent: unchanged files are not rewritten, changed ones are, unselected ones are deleted', () => {
    const outDir = tempDir();
    importAnnuaire({ content: EXPORT, insee: '25056', outDir });
    const handWritten = '---\nid: annuaire-perso\nnom: Contact écrit à la main\n---\n';
    writeFileSync(join(outDir, 'annuaire-perso.md'), handWritten);
    writeFileSync(join(outDir, 'README.md'), '# Contacts importés\n');

    const again = importAnnuaire({ content: EXPORT, insee: '25056', outDir });
    expect(again.sync).toMatchObject({ created: [], updated: [], deleted: [], conflicts: [] });
    expect(again.sync.unchanged).toHaveLength(5);

    // The CCAS moved, the annexe closed, and the commune now has its own Urssaf.
    const changed = EXPORT.replace('CCAS de Besançon', 'CCAS de la Ville de Besançon')
      .split('\n')
      .filter((line) => !line.includes('mairie-25056-02'))
      .concat(recordLine({ id: 'urssaf-25056-01', lat: 47.24, lon: 6.02 }))
      .join('\n');
    const third = importAnnuaire({ content: changed, insee: '25056', outDir });
    expect(third.sync).toMatchObject({
      created: ['annuaire-urssaf-25056-01.md'],
      updated: ['annuaire-ccas-25056-01.md'],
      deleted: ['annuaire-mairie-25056-02.md', 'annuaire-urssaf-25388-01.md'],
    });
    expect(readFileSync(join(outDir, 'annuaire-ccas-25056-01.md'), 'utf8')).toContain(
      'CCAS de la Ville de Besançon',
    );
    expect(existsSync(join(outDir, 'annuaire-mairie-25056-02.md'))).toBe(false);
    // Hand-written files are never touched.
    expect(readFileSync(join(outDir, 'annuaire-perso.md'), 'utf8')).toBe(handWritten);
    expect(existsSync(join(outDir, 'README.md'))).toBe(true);
    expect(readdirSync(outDir).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('leaves a hand-written file that has the name of a contact to write, and reports it', () => {
    const outDir = tempDir();
    importAnnuaire({ content: EXPORT, insee: '25056', outDir });
    const mine = '---\nid: annuaire-ccas-25056-01\nnom: Notre CCAS\nentite: ccas\n---\nÉcrit à la main.\n';
    writeFileSync(join(outDir, 'annuaire-ccas-25056-01.md'), mine);
    const report = importAnnuaire({ content: EXPORT, insee: '25056', outDir });
    expect(report.sync.conflicts).toEqual(['annuaire-ccas-25056-01.md']);
    expect(report.skipped.map((s) => s.id)).toContain('annuaire-ccas-25056-01');
    expect(readFileSync(join(outDir, 'annuaire-ccas-25056-01.md'), 'utf8')).toBe(mine);
  });

  it('writes nothing in a dry run', () => {
    const outDir = tempDir();
    const report = importAnnuaire({ content: EXPORT, insee: '25056', outDir, dryRun: true });
    expect(report.sync.created).toHaveLength(5);
    expect(existsSync(outDir)).toBe(false);
    expect(formatReport(report)).toContain('simulation, aucun fichier écrit');
  });

  it('refuses a malformed INSEE code and a commune absent from the export, in French', () => {
    const outDir = tempDir();
    expect(() => importAnnuaire({ content: EXPORT, insee: '2505', outDir })).toThrow(AnnuaireImportError);
    expect(() => importAnnuaire({ content: EXPORT, insee: '2505', outDir })).toThrow(/Code INSEE invalide/);
    expect(() => importAnnuaire({ content: EXPORT, insee: '25000', outDir })).toThrow(
      /Aucun service de la commune 25000 dans ce fichier/,
    );
    expect(existsSync(outDir)).toBe(false);
  });
});

describe('importAnnuaire on the real export of the Doubs', () => {
  it.skipIf(skipWithoutCorpus(SAMPLE, "Le test d'import de l'Annuaire du Doubs"))(
    'imports Besançon (25056) into contacts that all parse without error',
    () => {
      const outDir = tempDir();
      const report = importAnnuaire({ content: readFileSync(SAMPLE, 'utf8'), insee: '25056', outDir });
      expect(report.recordCount).toBe(818);
      expect(report.lineProblems).toEqual([]);
      expect(report.localCount).toBe(78);
      expect(report.competent.map((c) => c.id)).toContain('urssaf-25388-01');
      expect(report.skipped.map((s) => s.id)).toEqual(['conciliateur_fiscal-25056-01']);

      const kb = parseFolder(outDir);
      expect(kb.problems.filter((p) => p.severity === 'erreur')).toEqual([]);
      expect(kb.contacts).toHaveLength(report.sync.created.length);
      const mairie = kb.contacts.find((c) => c.id === 'annuaire-mairie-25056-01');
      expect(mairie).toMatchObject({
        nom: 'Mairie de Besançon',
        type: 'mairie',
        entite: 'ville',
        adresse: { voie: '2 rue Mégevand', code_postal: '25034', commune: 'Besançon' },
        telephone: '03 81 61 50 50',
      });
      expect(
        kb.contacts.every((c) => c.adresse.commune === 'Besançon' || c.id === 'annuaire-urssaf-25388-01'),
      ).toBe(true);

      const again = importAnnuaire({ content: readFileSync(SAMPLE, 'utf8'), insee: '25056', outDir });
      expect(again.sync.unchanged).toHaveLength(report.sync.created.length);
    },
  );
});
