// Reading a survey file (web or paper questionnaires, as a spreadsheet exports them): « ; », « , » or tab,
// UTF-8 with or without BOM, a header line whose names may carry accents and capitals. Each data line keeps its
// line number in the file (the header is line 1), so every refusal can name it.
import Papa from 'papaparse';
import { fold } from '../../../common/text';
import { RefusedError } from '../errors';

export const SURVEY_COLUMNS = ['date', 'point', 'canal', 'note', 'nombre'] as const;
export type SurveyColumn = (typeof SURVEY_COLUMNS)[number];

const ALIASES: Record<string, SurveyColumn> = {
  date: 'date',
  jour: 'date',
  datedereponse: 'date',
  point: 'point',
  codepoint: 'point',
  pointdaccueil: 'point',
  canal: 'canal',
  note: 'note',
  reponse: 'note',
  satisfaction: 'note',
  nombre: 'nombre',
  effectif: 'nombre',
  reponses: 'nombre',
};

export interface SurveyLine {
  line: number;
  raw: string;
  cells: Partial<Record<SurveyColumn, string>>;
  malformed?: string;
}

function delimiterOf(header: string): string {
  const counts = [';', ',', '\t'].map((d) => [d, header.split(d).length - 1] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/** Throws a RefusedError (nothing imported) when the file has no usable header. */
export function readSurveyCsv(input: string): { lines: SurveyLine[]; ignored: string[] } {
  const text = input.replace(/^\uFEFF/, '');
  const headerEnd = text.search(/\r?\n|$/);
  const delimiter = delimiterOf(text.slice(0, headerEnd));
  const records: Array<{ cells: string[]; start: number; end: number; error?: string }> = [];
  let start = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    step: (result) => {
      const end = result.meta.cursor;
      const error = result.errors[0] ? 'ligne mal formée (guillemet mal placé ou jamais fermé)' : undefined;
      records.push({ cells: result.data, start, end, error });
      start = end;
    },
  });
  const [header, ...rows] = records;
  if (!header || header.cells.every((cell) => cell.trim() === ''))
    throw new RefusedError(
      'Le fichier est vide : il doit commencer par une ligne d’en-tête (date;point;canal;note).',
    );
  const indexes = new Map<SurveyColumn, number>();
  const ignored: string[] = [];
  header.cells.forEach((name, index) => {
    const column = ALIASES[fold(name).replace(/[^a-z0-9]/g, '')];
    if (column && !indexes.has(column)) indexes.set(column, index);
    else if (name.trim() !== '') ignored.push(name.trim());
  });
  const missing = (['date', 'note'] as const).filter((column) => !indexes.has(column));
  if (missing.length > 0)
    throw new RefusedError(
      `La ligne d’en-tête doit nommer au moins les colonnes « date » et « note » (il manque : ${missing.join(', ')} ; ` +
        `colonnes lues : ${header.cells.map((c) => `« ${c.trim()} »`).join(', ')}). Rien n’a été importé.`,
    );
  const newlines = (from: number, to: number) => (text.slice(from, to).match(/\n/g) ?? []).length;
  let line = 1 + newlines(0, header.end);
  const lines: SurveyLine[] = [];
  for (const row of rows) {
    const first = line;
    line += newlines(row.start, row.end);
    if (row.cells.every((cell) => cell.trim() === '') && !row.error) continue;
    const cells: SurveyLine['cells'] = {};
    for (const [column, index] of indexes) cells[column] = (row.cells[index] ?? '').trim();
    lines.push({
      line: first,
      raw: text.slice(row.start, row.end).replace(/\r?\n$/, ''),
      cells,
      malformed: row.error,
    });
  }
  return { lines, ignored };
}
