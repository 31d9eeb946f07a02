// Reading an agents file as spreadsheets export it: UTF-8 with or without BOM, ';' (French Excel) or ','
// or tab between fields, CRLF or LF, a header line whose names may carry accents, capitals and spaces.
import Papa from 'papaparse';
import { RefusedError } from '../errors';
import { fold } from '../../../common/text';

export const CSV_COLUMNS = ['nom', 'prenom', 'service', 'courriel', 'point', 'debut'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Header names, folded to letters and digits only, and the column each one means. */
const ALIASES: Record<string, CsvColumn> = {
  nom: 'nom',
  nomdefamille: 'nom',
  nomdusage: 'nom',
  prenom: 'prenom',
  service: 'service',
  direction: 'service',
  courriel: 'courriel',
  email: 'courriel',
  mail: 'courriel',
  adressemail: 'courriel',
  adressecourriel: 'courriel',
  adresseelectronique: 'courriel',
  point: 'point',
  codepoint: 'point',
  codedupoint: 'point',
  pointdaccueil: 'point',
  debut: 'debut',
  datedebut: 'debut',
  datededebut: 'debut',
  dateaffectation: 'debut',
  datedaffectation: 'debut',
};

const DELIMITERS = [';', ',', '\t'] as const;

export interface CsvLine {
  /** Line in the file, the header being line 1. */
  line: number;
  /** The line as written, for the report. */
  raw: string;
  cells: Partial<Record<CsvColumn, string>>;
  /** Papaparse's complaint about this line (an unclosed quote…), in French. */
  malformed?: string;
}

export interface CsvFile {
  delimiter: string;
  /** Which of the known columns the header has. */
  columns: CsvColumn[];
  ignoredColumns: string[];
  lines: CsvLine[];
}

/**
 * The delimiter is the one the header line uses most. Papaparse's own guess needs several rows of equal
 * width and gives up on short files or quoted line breaks; a header line of column names never has either.
 */
function detectDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  let best: string = DELIMITERS[0];
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    const count = header.split(delimiter).length - 1;
    if (count > bestCount) [best, bestCount] = [delimiter, count];
  }
  return best;
}

function columnOf(header: string): CsvColumn | undefined {
  return ALIASES[fold(header).replace(/[^a-z0-9]/g, '')];
}

function parseProblem(code: string): string {
  switch (code) {
    case 'MissingQuotes':
      return 'ligne mal formée : un guillemet ouvert n’est jamais fermé';
    case 'InvalidQuotes':
      return 'ligne mal formée : guillemet mal placé (un texte entre guillemets doit occuper tout le champ)';
    default:
      return 'ligne mal formée';
  }
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count += 1;
  return count;
}

export function readCsv(input: string): CsvFile {
  const text = input.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(text);
  const records: Array<{ cells: string[]; start: number; end: number; error?: string }> = [];
  let start = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    step: (result) => {
      const end = result.meta.cursor;
      records.push({
        cells: result.data,
        start,
        end,
        error: result.errors[0] ? parseProblem(result.errors[0].code) : undefined,
      });
      start = end;
    },
  });
  const [header, ...rows] = records;
  if (!header || header.cells.every((cell) => cell.trim() === ''))
    throw new RefusedError('Le fichier est vide : il doit commencer par une ligne d’en-tête (nom;prenom;…).');

  const indexes = new Map<CsvColumn, number>();
  const ignoredColumns: string[] = [];
  header.cells.forEach((name, index) => {
    const column = columnOf(name);
    if (column && !indexes.has(column)) indexes.set(column, index);
    else if (name.trim() !== '') ignoredColumns.push(name.trim());
  });
  const missing = (['nom', 'prenom'] as const).filter((column) => !indexes.has(column));
  if (missing.length > 0)
    throw new RefusedError(
      `La ligne d’en-tête doit nommer au moins les colonnes « nom » et « prenom » ` +
        `(il manque : ${missing.join(', ')} ; colonnes lues : ${header.cells.map((c) => `« ${c.trim()} »`).join(', ')}).`,
    );

  let line = 1 + countNewlines(text, 0, header.end);
  const lines: CsvLine[] = [];
  for (const row of rows) {
    const firstLine = line;
    line += countNewlines(text, row.start, row.end);
    if (row.cells.every((cell) => cell.trim() === '') && !row.error) continue;
    const cells: CsvLine['cells'] = {};
    for (const [column, index] of indexes) cells[column] = (row.cells[index] ?? '').trim();
    lines.push({
      line: firstLine,
      raw: text.slice(row.start, row.end).replace(/\r?\n$/, ''),
      cells,
      malformed: row.error,
    });
  }
  return { delimiter, columns: [...indexes.keys()], ignoredColumns, lines };
}
