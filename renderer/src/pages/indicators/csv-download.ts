// Handing a CSV file from the core (indicateurs.csv, bilan.csv) to the browser's downloads. The name comes from
// the core; it is made safe here, since a download name with a path separator or a control character would
// be refused or rewritten by the browser.
import type { FichierCsv } from '../../../../electron/core/indicators/types';

// Control characters are exactly what this pattern is for.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f/\\:*?"<>|]+/g;

/** A file name without path separators or control characters, ending in « .csv ». */
export function safeCsvName(name: string): string {
  const cleaned = name
    .replace(UNSAFE, '-')
    .replace(/^[.\s-]+/, '')
    .trim();
  const base = cleaned === '' ? 'export' : cleaned;
  return /\.csv$/i.test(base) ? base : `${base}.csv`;
}

export function downloadCsv(file: FichierCsv): void {
  const url = URL.createObjectURL(new Blob([file.csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = safeCsvName(file.filename);
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the click; the URL can go once it has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
