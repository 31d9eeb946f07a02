// The fiches' origins as the window shows them: labels, the search page's origin filter. Pure, unit-tested.
import type { Origine } from '../../../../common/knowledge/types';
import { formatDate } from '../../ui/format';

/** The name of the national source, as its licence asks to cite it. */
export const NATIONAL_SOURCE = 'Service-Public.fr';

export const ORIGINE_LABELS: Record<Origine, string> = {
  local: 'Fiches locales',
  national: NATIONAL_SOURCE,
};

export interface OrigineChoice {
  /** Undefined: every origin. */
  value: Origine | undefined;
  label: string;
  count: number;
}

/** « Toutes (N) · Fiches locales (N) · Service-Public.fr (N) », from the counts before the origin filter. */
export function origineChoices(origins: Record<Origine, number>): OrigineChoice[] {
  return [
    { value: undefined, label: 'Toutes', count: origins.local + origins.national },
    { value: 'local', label: ORIGINE_LABELS.local, count: origins.local },
    { value: 'national', label: ORIGINE_LABELS.national, count: origins.national },
  ];
}

/**
 * The origin filter is worth showing when it can split the results, or when it is on (to take it off). A base
 * without national fiches, or a query that only one origin answers, shows no filter.
 */
export function showOrigineFilter(origins: Record<Origine, number>, selected: Origine | undefined): boolean {
  return selected !== undefined || (origins.local > 0 && origins.national > 0);
}

/** « mis à jour le 26 août 2020 ». */
export function updatedOn(iso: string): string {
  return `mis à jour le ${formatDate(iso)}`;
}

/** The licence's attribution line, without its link: « Source : Service-Public.fr (DILA), mise à jour le … ». */
export function nationalCitation(iso: string): { before: string; source: string; after: string } {
  return {
    before: 'Source : ',
    source: NATIONAL_SOURCE,
    after: ` (DILA), mise à jour le ${formatDate(iso)} — Licence Ouverte`,
  };
}
