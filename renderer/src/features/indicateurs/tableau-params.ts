// The dashboard's filters as they sit in its URL (« #/tableau?periode=annee&canal=telephone ») and the request
// they make. Pure, tested under Node: the page only reads and writes them.
import type { InputOf } from '../../../../common/contract';
import type { PointEntite } from '../../../../common/points/methods';
import { ENTITE_NAMES } from '../../../../common/points/methods';
import type { Granularite } from '../../../../common/indicateurs/codes';
import { GRANULARITES } from '../../../../common/indicateurs/codes';
import type { JournalCanal } from '../../../../common/journal/codes';
import { JOURNAL_CANAUX } from '../../../../common/journal/codes';
import type { Params } from '../../router';

export const PERIODES = ['mois', 'annee', 'personnalisee'] as const;
export type Periode = (typeof PERIODES)[number];

export const PERIODE_LABELS: Record<Periode, string> = {
  mois: 'Ce mois-ci',
  annee: 'Cette année',
  personnalisee: 'Période choisie',
};

export const GRANULARITE_LABELS: Record<Granularite, string> = {
  jour: 'Par jour',
  semaine: 'Par semaine',
  mois: 'Par mois',
};

const PARIS_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in Paris, « YYYY-MM-DD », whatever the machine's zone. */
export function parisToday(now: Date): string {
  return PARIS_DAY.format(now);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | undefined {
  return value !== undefined && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

export interface DashboardFilters {
  periode: Periode;
  /** Only for a chosen period: « YYYY-MM-DD », possibly empty while being typed. */
  du: string;
  au: string;
  entite?: PointEntite;
  pointId?: number;
  /** A city desk (poste). */
  posteId?: number;
  canal?: JournalCanal;
  /** Absent: the period's natural one (by day for a month, by month for a year…). */
  granularite?: Granularite;
}

function idOf(value: string | undefined): number | undefined {
  return value !== undefined && /^[1-9]\d{0,9}$/.test(value) ? Number(value) : undefined;
}

export function filtersOf(params: Params): DashboardFilters {
  const point = idOf(params.point);
  const poste = idOf(params.poste);
  return {
    periode: oneOf(PERIODES, params.periode) ?? 'mois',
    du: params.du ?? '',
    au: params.au ?? '',
    entite: oneOf(Object.keys(ENTITE_NAMES) as PointEntite[], params.entite),
    pointId: point,
    posteId: poste,
    canal: oneOf(JOURNAL_CANAUX, params.canal),
    granularite: oneOf(GRANULARITES, params.granularite),
  };
}

/** The URL params of a set of filters: only what differs from the defaults. */
export function paramsOf(filters: DashboardFilters): Params {
  const params: Params = {};
  if (filters.periode !== 'mois') params.periode = filters.periode;
  if (filters.periode === 'personnalisee') {
    if (filters.du) params.du = filters.du;
    if (filters.au) params.au = filters.au;
  }
  if (filters.entite) params.entite = filters.entite;
  if (filters.pointId !== undefined) params.point = String(filters.pointId);
  if (filters.posteId !== undefined) params.poste = String(filters.posteId);
  if (filters.canal) params.canal = filters.canal;
  if (filters.granularite) params.granularite = filters.granularite;
  return params;
}

/** The days the period covers: this month or this year so far, or the chosen days. */
export function rangeOf(filters: DashboardFilters, today: string): { du: string; au: string } {
  if (filters.periode === 'mois') return { du: `${today.slice(0, 8)}01`, au: today };
  if (filters.periode === 'annee') return { du: `${today.slice(0, 5)}01-01`, au: today };
  return { du: filters.du, au: filters.au };
}

/** By day up to two months, by week up to a year, by month beyond. */
export function naturalGranularite(du: string, au: string): Granularite {
  const days = (Date.parse(`${au}T00:00:00Z`) - Date.parse(`${du}T00:00:00Z`)) / 86_400_000 + 1;
  if (days > 366) return 'mois';
  return days > 62 ? 'semaine' : 'jour';
}

export type DashboardRequest = InputOf<'indicateurs.tableau'>;

/**
 * The indicateurs.tableau input, or a French reason why the filters do not make one yet (a chosen period
 * without its two dates). The core checks the rest (real days, order, length) with its own messages.
 */
export function requestOf(
  filters: DashboardFilters,
  today: string,
): DashboardRequest | { incomplete: string } {
  const { du, au } = rangeOf(filters, today);
  if (!DAY.test(du) || !DAY.test(au)) return { incomplete: 'Indiquez les deux dates de la période choisie.' };
  return {
    du,
    au,
    granularite: filters.granularite ?? naturalGranularite(du, au),
    ...(filters.entite ? { entite: filters.entite } : {}),
    ...(filters.pointId !== undefined ? { pointId: filters.pointId } : {}),
    ...(filters.posteId !== undefined ? { posteId: filters.posteId } : {}),
    ...(filters.canal ? { canal: filters.canal } : {}),
  };
}
