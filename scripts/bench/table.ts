// Aligned plain-text tables for the benchmark's output, and the cells and progress lines they share.
import type { Summary, Timing } from './stats';

export type Align = 'left' | 'right';

export interface TableOptions {
  /** Alignment per column; by default the first column is left-aligned and the others right-aligned. */
  align?: Align[];
  /** Spaces between columns. */
  gap?: number;
}

/** Display width of a cell: code points, so « é », « ≤ » or « ✓ » count as one column. */
function width(text: string): number {
  return [...text].length;
}

function pad(text: string, size: number, align: Align): string {
  const fill = ' '.repeat(Math.max(0, size - width(text)));
  return align === 'left' ? text + fill : fill + text;
}

/** Renders a header row, a rule and the rows, every column as wide as its widest cell. */
export function formatTable(header: string[], rows: string[][], options: TableOptions = {}): string {
  const gap = ' '.repeat(options.gap ?? 2);
  const columns = Math.max(header.length, ...rows.map((row) => row.length));
  const widths = Array.from({ length: columns }, (_, i) =>
    Math.max(width(header[i] ?? ''), ...rows.map((row) => width(row[i] ?? ''))),
  );
  const alignOf = (i: number): Align => options.align?.[i] ?? (i === 0 ? 'left' : 'right');
  const line = (cells: string[]) =>
    widths
      .map((size, i) => pad(cells[i] ?? '', size, alignOf(i)))
      .join(gap)
      .trimEnd();
  const rule = widths.map((size) => '─'.repeat(size)).join(gap);
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** A number with a fixed count of decimals, or « – » when it is not a number. */
export function fixed(value: number, decimals = 1): string {
  return Number.isFinite(value) ? value.toFixed(decimals) : '–';
}

/** Milliseconds with a precision that suits their size: 0.42, 3.1, 250. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (value < 1) return value.toFixed(2);
  if (value < 100) return value.toFixed(1);
  return value.toFixed(0);
}

export const MB = 1024 * 1024;

/** « 12 MB ». */
export function megabytes(bytes: number, decimals = 0): string {
  return `${fixed(bytes / MB, decimals)} MB`;
}

/** A target met, or not. */
export function mark(ok: boolean): string {
  return ok ? '✓' : '✗';
}

/** A progress line, on standard error (the tables go to standard output). */
export function log(message: string): void {
  process.stderr.write(`… ${message}\n`);
}

export interface TimingColumns {
  /** The wall-clock figures shown, then the CPU ones (« count »: the number of runs). */
  wall: Array<keyof Summary>;
  cpu: Array<keyof Summary>;
  /** The wall-clock figure the target applies to. */
  judged: keyof Summary;
}

/** A timing's row: its label, the chosen figures in ms, and the verdict on the target (if any). */
export function timingRow(label: string, timing: Timing, columns: TimingColumns, target?: number): string[] {
  const cell = (summary: Summary, key: keyof Summary) =>
    key === 'count' ? String(summary.count) : ms(summary[key]);
  const verdict =
    target === undefined ? '' : timing.wall[columns.judged] <= target ? `✓ ≤ ${target}` : `✗ > ${target}`;
  return [
    label,
    ...columns.wall.map((key) => cell(timing.wall, key)),
    ...columns.cpu.map((key) => cell(timing.cpu, key)),
    verdict,
  ];
}
