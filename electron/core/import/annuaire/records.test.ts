import { describe, expect, it } from 'vitest';
import { parseAnnuaireLines, parsePivotLabels } from './records';
import { recordLine } from '../../../../dev/test-support/annuaire';

describe('parseAnnuaireLines', () => {
  it('reads the fields the importer needs, as clean text', () => {
    const line = recordLine({
      id: 'mairie-25056-01',
      nom: 'Mairie  de Besançon ',
      lat: 47.2375,
      lon: 6.0242,
      contact_email: 'besancon@besancon.fr',
      commentaire: 'Accueil ouvert uniquement sur rendez-vous',
      street: ['2 rue Mégevand', 'BP 12'],
    });
    const { records, problems } = parseAnnuaireLines(`${line}\n`);
    expect(problems).toEqual([]);
    expect(records).toEqual([
      {
        line: 1,
        id: 'mairie-25056-01',
        type: 'mairie',
        nom: 'Mairie de Besançon',
        codeinsee: '25056',
        address: { lines: ['2 rue Mégevand', 'BP 12'], postalCode: '25034', locality: 'Besançon Cedex' },
        phone: '+33 3 81 61 50 50',
        email: 'besancon@besancon.fr',
        websites: ['http://www.example.fr'],
        coordinates: { lat: 47.2375, lon: 6.0242 },
        commentaire: 'Accueil ouvert uniquement sur rendez-vous',
        update: '2015-07-08',
      },
    ]);
  });

  it('reports a malformed line with its number and keeps reading', () => {
    const content = [
      recordLine({ id: 'mairie-25056-01' }),
      '{"id": "caf-25056-01", "type": "caf",',
      '',
      '["not", "an", "object"]',
      JSON.stringify({ id: 'cpam-25056-01', type: 'cpam' }),
      recordLine({ id: 'pmi-25056-01' }),
      recordLine({ id: 'mairie-25056-01' }),
    ].join('\r\n');
    const { records, problems } = parseAnnuaireLines(content);
    expect(records.map((r) => [r.id, r.line])).toEqual([
      ['mairie-25056-01', 1],
      ['pmi-25056-01', 6],
    ]);
    expect(problems.map((p) => p.line)).toEqual([2, 4, 5, 7]);
    expect(problems[0]?.message).toMatch(/^JSON illisible/);
    expect(problems[1]?.message).toBe("la ligne n'est pas un objet JSON { … }");
    expect(problems[2]?.message).toBe('champs obligatoires absents : nom, codeinsee');
    expect(problems[3]?.message).toBe('identifiant « mairie-25056-01 » déjà lu ligne 1 ; doublon ignoré');
  });

  it('falls back on the BAN geocoding for coordinates, and lends its spelling of the commune to the others', () => {
    const geocoded = recordLine({
      id: 'mairie-25056-01',
      geo: { commune: 'Besançon', insee_comm: '25056', latitude: 47.24, longitude: 6.02 },
    });
    const bare = recordLine({ id: 'caf-25056-01', locality: 'Besancon Cedex' });
    const { records } = parseAnnuaireLines([geocoded, bare].join('\n'));
    expect(records[0]?.coordinates).toEqual({ lat: 47.24, lon: 6.02 });
    expect(records[1]?.coordinates).toBeUndefined();
    expect(records[1]?.address.banCommune).toBe('Besançon');
  });

  it('ignores placeholder coordinates', () => {
    const { records } = parseAnnuaireLines(recordLine({ id: 'mairie-25056-01', lat: 0, lon: 0 }));
    expect(records[0]?.coordinates).toBeUndefined();
  });
});

describe('parsePivotLabels', () => {
  it('reads the code: label file', () => {
    const labels = parsePivotLabels(
      'caf: Caisse d’allocations familiales (CAF)\nsous_pref: Sous-préfecture\n',
    );
    expect(labels.get('sous_pref')).toBe('Sous-préfecture');
    expect(labels.size).toBe(2);
  });
});
