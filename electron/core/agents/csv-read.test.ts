import { describe, expect, it } from 'vitest';
import { RefusedError } from '../errors';
import { readCsv } from './csv-read';

describe('reading an agents CSV file', () => {
  it('reads a French Excel export: BOM, « ; », CRLF, accented headers in any case', () => {
    const file = readCsv(
      '\uFEFFNom;Prénom;SERVICE;Courriel;Point;Date d’affectation\r\nDurand;Léa;État civil;lea@x.fr;mairie;01/02/2025\r\n',
    );
    expect(file.delimiter).toBe(';');
    expect(file.columns).toEqual(['nom', 'prenom', 'service', 'courriel', 'point', 'debut']);
    expect(file.lines).toEqual([
      {
        line: 2,
        raw: 'Durand;Léa;État civil;lea@x.fr;mairie;01/02/2025',
        cells: {
          nom: 'Durand',
          prenom: 'Léa',
          service: 'État civil',
          courriel: 'lea@x.fr',
          point: 'mairie',
          debut: '01/02/2025',
        },
        malformed: undefined,
      },
    ]);
  });

  it('reads « , » and tab delimiters, skips blank lines but keeps the file’s line numbers', () => {
    const comma = readCsv('prenom,nom,matricule\n\nLéa,Durand,123\n"Jean, dit ""Jo""",Martin,456\n');
    expect(comma.delimiter).toBe(',');
    expect(comma.ignoredColumns).toEqual(['matricule']);
    expect(comma.lines.map((l) => [l.line, l.cells.prenom, l.cells.nom])).toEqual([
      [3, 'Léa', 'Durand'],
      [4, 'Jean, dit "Jo"', 'Martin'],
    ]);
    const tab = readCsv('nom\tprenom\nDurand\tLéa');
    expect(tab.delimiter).toBe('\t');
    expect(tab.lines[0]?.cells).toEqual({ nom: 'Durand', prenom: 'Léa' });
  });

  it('counts a quoted line break inside a field as part of its line', () => {
    const file = readCsv('nom;prenom;service\nDurand;Léa;"Accueil\nrez-de-chaussée"\nMartin;Paul;\n');
    expect(file.lines.map((l) => l.line)).toEqual([2, 4]);
    expect(file.lines[0]?.cells.service).toBe('Accueil\nrez-de-chaussée');
  });

  it('flags a line with an unclosed quote', () => {
    const file = readCsv('nom;prenom\nDurand;"Léa\n');
    expect(file.lines[0]?.malformed).toMatch(/guillemet ouvert n’est jamais fermé/);
  });

  it('refuses an empty file or a header without nom and prénom, in French', () => {
    expect(() => readCsv('')).toThrow(RefusedError);
    expect(() => readCsv('\uFEFF\r\n')).toThrow(/Le fichier est vide/);
    expect(() => readCsv('name;first name\nDurand;Léa')).toThrow(
      /il manque : nom, prenom ; colonnes lues : « name », « first name »/,
    );
  });
});
