// The dashboard's chart configurations (Chart.js bar charts), built from the core's tables. Pure: the canvas
// component only draws them. Colours are the outcome bar's, each ≥ 3:1 against white (WCAG non-text contrast).
import type { ChartConfiguration } from 'chart.js';
import type { Issue } from '../../../../common/journal/codes';
import { ISSUES, ISSUE_LABELS } from '../../../../common/journal/codes';
import type { Periode } from '../../../../common/indicateurs/types';
import type { Granularite } from '../../../../common/indicateurs/codes';
import { shortPeriodLabel } from './indicateur-format';

export const ISSUE_COLOURS: Record<Issue, string> = {
  repondu: '#18753c',
  oriente_fiche: '#000091',
  oriente_autre: '#6a6af4',
  rendez_vous: '#a558a0',
  transmis: '#b34000',
  non_resolu: '#ce0500',
};

const MAIN_COLOUR = '#000091';

/** Counts on a vertical axis that only has whole numbers. */
const countAxis = { beginAtZero: true, ticks: { precision: 0 } } as const;

/** Contacts per period, stacked by outcome. */
export function volumesChart(volumes: Periode[], granularite: Granularite): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: {
      labels: volumes.map((period) => shortPeriodLabel(period.cle, granularite)),
      datasets: ISSUES.map((issue) => ({
        label: ISSUE_LABELS[issue],
        data: volumes.map((period) => period.parIssue[issue]),
        backgroundColor: ISSUE_COLOURS[issue],
      })),
    },
    options: {
      maintainAspectRatio: false,
      scales: { x: { stacked: true }, y: { ...countAxis, stacked: true } },
      plugins: { legend: { position: 'bottom' } },
    },
  };
}

/** One bar per row, ranked: outcomes, reasons, services, fiches, searches. Horizontal for long names. */
export function rankingChart(
  rows: Array<{ label: string; value: number; colour?: string }>,
  seriesLabel: string,
  horizontal = true,
): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: {
      labels: rows.map((row) => truncate(row.label, 40)),
      datasets: [
        {
          label: seriesLabel,
          data: rows.map((row) => row.value),
          backgroundColor: rows.map((row) => row.colour ?? MAIN_COLOUR),
          maxBarThickness: 28,
        },
      ],
    },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      maintainAspectRatio: false,
      scales: horizontal ? { x: countAxis } : { y: countAxis },
      plugins: { legend: { display: false } },
    },
  };
}

/** The canvas height a ranking needs: its rows, not a fixed box (one bar would fill it). */
export function rankingSize(rows: number): 'small' | 'medium' | 'large' {
  if (rows <= 3) return 'small';
  return rows <= 8 ? 'medium' : 'large';
}

/** Whether a chart would draw anything: all-zero bars say nothing the table does not. */
export function hasBars(values: readonly number[]): boolean {
  return values.some((value) => value > 0);
}

/** A label cut to `max` characters with an ellipsis: the full text is in the data table. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
