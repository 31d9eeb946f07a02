import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvFile, csvTable } from './csv';

describe('csv', () => {
  it('writes « ; » separated lines with CRLF, quoting what needs it', () => {
    expect(csvTable(['Nom', 'Adresse'], [['Mairie', '1 place X; bât. A']])).toBe(
      'Nom;Adresse\r\nMairie;"1 place X; bât. A"',
    );
    expect(csvFile('a;b')).toBe(`${CSV_BOM}a;b`);
  });

  it('never lets a cell run as a formula, and keeps negative numbers as numbers', () => {
    const text = csvTable(
      ['q'],
      [['=HYPERLINK("x")'], ['+1'], ['@SUM(A1)'], ['-2+3'], ['-cmd'], ['-2,5'], ['-12']],
    );
    const cells = Papa.parse<string[]>(text, { delimiter: ';' })
      .data.slice(1)
      .map((row) => row[0]);
    expect(cells).toEqual(['\'=HYPERLINK("x")', "'+1", "'@SUM(A1)", "'-2+3", "'-cmd", '-2,5', '-12']);
  });
});
