// How the indicators read in the dashboard and the annual review: values with their unit, objectives, status,
// trends and period names, in French. Pure, tested under Node.
import type { Indicateur, Objectif, StatutObjectif, Tendance } from '../../../../common/indicateurs/types';
import type { Granularite, Unite } from '../../../../common/indicateurs/codes';
import { frenchDate } from '../../../../common/french-date';
import { formatDate, formatDateRange } from '../../ui/format';

const NUMBER = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** « 1 234 », « 82,5 % », « 3 min 20 s »; « – » when there is no value (a rate over no contact). */
export function formatValue(value: number | null, unite: Unite): string {
  if (value === null) return '–';
  if (unite === 'pourcentage') return `${NUMBER.format(value)} %`;
  if (unite === 'secondes') {
    const seconds = Math.round(value);
    if (seconds < 60) return `${seconds} s`;
    return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
  }
  return NUMBER.format(value);
}

/** A difference in the indicator's unit: percentages differ by points, not by percent. */
function formatGap(gap: number, unite: Unite): string {
  const size = Math.abs(gap);
  if (unite === 'pourcentage') return `${NUMBER.format(size)} point${size >= 2 ? 's' : ''}`;
  return formatValue(size, unite);
}

/** « ≥ 80 % », « ≤ 5 % »; empty without an objective. */
export function objectiveText(objectif: Objectif | null, unite: Unite): string {
  if (!objectif) return '';
  return `${objectif.sens === 'au_moins' ? '≥' : '≤'} ${formatValue(objectif.cible, unite)}`;
}

/** « au moins 80 % (proche à 5 points près) », for screen readers and the objectives list. */
export function objectiveLongText(objectif: Objectif, unite: Unite): string {
  const sens = objectif.sens === 'au_moins' ? 'au moins' : 'au plus';
  const marge = objectif.marge > 0 ? ` (proche à ${formatGap(objectif.marge, unite)} près)` : '';
  return `${sens} ${formatValue(objectif.cible, unite)}${marge}`;
}

export const STATUT_LABELS: Record<StatutObjectif, string> = {
  atteint: 'Atteint',
  proche: 'Proche',
  non_atteint: 'Non atteint',
};

/** The arrow drawn for a trend, hidden from screen readers (the text says it). */
export function trendArrow(sens: Tendance['sens']): string {
  if (sens === 'hausse') return '↑';
  if (sens === 'baisse') return '↓';
  if (sens === 'stable') return '→';
  return '';
}

/** « en hausse de 3,2 points (contre 78,1 % du 1er au 31 janvier 2025) », « stable », « pas de comparaison ». */
export function trendText(tendance: Tendance, unite: Unite): string {
  if (tendance.sens === null || tendance.ecart === null || tendance.precedente === null)
    return 'pas de comparaison possible avec la période précédente';
  const before = `${formatValue(tendance.precedente, unite)} ${formatDateRange(tendance.du, tendance.au)}`;
  if (tendance.sens === 'stable') return `stable (${before})`;
  const word = tendance.sens === 'hausse' ? 'en hausse' : 'en baisse';
  return `${word} de ${formatGap(tendance.ecart, unite)} (contre ${before})`;
}

/** Whether a trend goes the objective's way: a rising rate of unresolved contacts is bad news. */
export function trendTone(
  indicateur: Pick<Indicateur, 'objectif' | 'tendance'>,
): 'bon' | 'mauvais' | 'neutre' {
  const { objectif, tendance } = indicateur;
  if (!objectif || tendance.sens === null || tendance.sens === 'stable') return 'neutre';
  const rising = tendance.sens === 'hausse';
  return rising === (objectif.sens === 'au_moins') ? 'bon' : 'mauvais';
}

/** A period's name in a chart or a table: « 17 mars 2025 », « semaine du 17 mars 2025 », « mars 2025 ». */
export function periodLabel(cle: string, granularite: Granularite): string {
  if (granularite === 'mois') {
    // The month's first day, said by the one French date formatter, without its « 1er ».
    const first = frenchDate(`${cle}-01`);
    return first ? first.replace(/^1er /, '') : cle;
  }
  if (granularite === 'semaine') return `semaine du ${formatDate(cle)}`;
  return formatDate(cle);
}

/** The same, short, under a chart's bars: « 17/03 », « sem. 17/03 », « mars 2025 ». */
export function shortPeriodLabel(cle: string, granularite: Granularite): string {
  if (granularite === 'mois') return periodLabel(cle, granularite);
  const [, month = '', day = ''] = cle.split('-');
  return `${granularite === 'semaine' ? 'sem. ' : ''}${day}/${month}`;
}

/** The shade of a heat-table cell: 0 (none) to 5 (the busiest hour). */
export function heatLevel(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.max(1, Math.ceil((count / max) * 5));
}

/** « 80 », « 80,5 », « 80.5 » → a number; null for anything else (the form then says what is expected). */
export function parseDecimal(text: string): number | null {
  const cleaned = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

/** The hours shown: at least 8 h – 18 h, widened to any hour that had a contact. */
export function hoursShown(cellules: ReadonlyArray<{ heure: number }>): number[] {
  const hours = cellules.map((cell) => cell.heure);
  const first = Math.min(8, ...hours);
  const last = Math.max(17, ...hours);
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}
