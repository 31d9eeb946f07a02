// CSV as French spreadsheets open it: « ; » separated, CRLF, UTF-8 with a byte order mark (Excel's cue), and
// no cell a spreadsheet would run as a formula — exports carry text people typed (searches, names).
import Papa from 'papaparse';

export const CSV_BOM = '\uFEFF';

/**
 * Cells papaparse prefixes with a quote: those starting with = + @ tab or CR, and with « - » unless the whole
 * cell is a plain number (« -2,5 » stays a number; « -2+3 » or « -cmd » does not run).
 */
const FORMULA_START = /^(?:[=+@\t\r]|-(?!\d+(?:[.,]\d+)?$))/;

/** One table (header line and rows), without the BOM. */
export function csvTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return Papa.unparse(
    { fields: [...header], data: rows.map((row) => [...row]) },
    { delimiter: ';', newline: '\r\n', escapeFormulae: FORMULA_START },
  );
}

/** A whole file's text: the BOM, then the body. */
export function csvFile(body: string): string {
  return `${CSV_BOM}${body}`;
}
