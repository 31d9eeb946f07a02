// Handing a text file from the core (a CSV export) to the browser's downloads. The name comes from the core; it
// is made safe here, since a download name with a path separator or a control character would be refused or
// rewritten by the browser.

/** Hands a text file to the browser's downloads, under `filename`. */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the click; the URL can go once it has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

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

/** A CSV export of the core ({ filename, csv }), downloaded under a safe name. */
export function downloadCsv(file: { filename: string; csv: string }): void {
  downloadText(safeCsvName(file.filename), file.csv);
}
