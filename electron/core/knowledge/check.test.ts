import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contactFile, ficheFile, THEMES_FILE } from '../../../dev/test-support/content';
import { checkContent } from './check';
import { readContentFolder } from './content-files';
import { parseKnowledge } from './parse';

const FIXTURE = fileURLToPath(new URL('../../../scripts/fixtures/check-content', import.meta.url));
const DEMO = fileURLToPath(new URL('../../../content', import.meta.url));

describe('content check', () => {
  it('finds exactly one of each error and warning in the fixture folder, each in its own file', () => {
    const files = readContentFolder(FIXTURE).files;
    const report = checkContent(files, '2026-11-23');
    expect(report.files).toBe(files.length);
    expect(report.errors.map((e) => [e.code, e.path])).toEqual([
      ['missing_complete_target', 'fiches/complement-sans-cible.md'],
      ['duplicate_id', 'fiches/doublon.md'],
      ['broken_link', 'fiches/lien-casse.md'],
      ['schema', 'fiches/schema-date-impossible.md'],
      ['unknown_service', 'fiches/service-inconnu.md'],
      ['unknown_theme', 'fiches/theme-inconnu.md'],
      ['yaml', 'fiches/yaml-illisible.md'],
    ]);
    expect(report.warnings.map((w) => [w.code, w.path])).toEqual([
      ['overdue_review', 'fiches/revue-en-retard.md'],
    ]);
  });

  it('points at the line and field of each finding, in French', () => {
    const report = checkContent(readContentFolder(FIXTURE).files, '2026-11-23');
    const byCode = Object.fromEntries([...report.errors, ...report.warnings].map((f) => [f.code, f]));
    expect(byCode.schema).toMatchObject({
      line: 6,
      field: 'mise_a_jour',
      message: "la date de mise à jour n'est pas une date du calendrier",
    });
    expect(byCode.unknown_service).toMatchObject({
      line: 6,
      field: 'services',
      message: expect.stringContaining('« guichet-disparu »'),
    });
    // The link is in the body: the line is counted in the whole file, past the front-matter.
    expect(byCode.broken_link).toMatchObject({
      line: 10,
      field: null,
      message: 'lien cassé vers la fiche « fiche-supprimee »',
    });
    expect(byCode.duplicate_id).toMatchObject({
      line: 2,
      field: 'id',
      message: expect.stringContaining('mairie'),
    });
    expect(byCode.missing_complete_target).toMatchObject({
      field: 'complete',
      message: expect.stringContaining('F9999'),
    });
    expect(byCode.yaml?.message).toContain('en-tête YAML illisible');
    // Written « à revoir le: » in the file: still found on its line.
    expect(byCode.overdue_review).toMatchObject({
      line: 7,
      field: 'a_revoir',
      message:
        'la date « à revoir le » (1er janvier 2020) est passée ; responsable : Nadia Benali (État civil)',
    });
  });

  it('takes « today » from the caller: a review due today is not overdue, the day after it is', () => {
    const files = [THEMES_FILE, ficheFile('a', { a_revoir: '2026-11-23' })];
    expect(checkContent(files, '2026-11-23').warnings).toEqual([]);
    expect(checkContent(files, '2026-11-24').warnings.map((w) => w.code)).toEqual(['overdue_review']);
  });

  it('checks the internal links of contacts too', () => {
    const report = checkContent(
      [
        THEMES_FILE,
        contactFile('mairie', {}, 'Voir [la fiche](fiche:a).\nEt [le CCAS](contact:ccas).'),
        ficheFile('a'),
      ],
      '2026-11-23',
    );
    expect(report.errors).toEqual([
      {
        path: 'contacts/mairie.md',
        // Second line of the body, below an 8-line front-matter.
        line: 11,
        field: null,
        code: 'broken_link',
        message: 'lien cassé vers le contact « ccas »',
      },
    ]);
  });

  it('passes the demo content with no error', () => {
    const report = checkContent(readContentFolder(DEMO).files, '2026-11-23');
    expect(report.errors).toEqual([]);
    expect(report.files).toBeGreaterThan(50);
  });

  it('leaves the codes out of what the application reads', () => {
    const kb = parseKnowledge([THEMES_FILE, ficheFile('a', { services: ['absent'] })]);
    expect(kb.problems).toHaveLength(1);
    expect(kb.problems[0]).not.toHaveProperty('code');
  });
});
