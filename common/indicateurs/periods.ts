// Calendar arithmetic of the dashboard: the periods a range splits into, and the previous period a trend
// compares with. Days are « YYYY-MM-DD »; computed in UTC, where every day has 24 hours.
import type { Granularite } from './codes';

const DAY_MS = 86_400_000;

function toTime(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

function toDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export function shiftDay(day: string, days: number): string {
  return toDay(toTime(day) + days * DAY_MS);
}

/** Days from `du` to `au`, both included. */
export function dayCount(du: string, au: string): number {
  return Math.round((toTime(au) - toTime(du)) / DAY_MS) + 1;
}

/**
 * The period of the same length that ends the day before `du`. Whole calendar months compare with as many
 * whole months (March with February, a year with the previous year, leap or not); other ranges with as many
 * days.
 */
export function previousRange(du: string, au: string): { du: string; au: string } {
  if (du.endsWith('-01') && periodEnd(au.slice(0, 7), 'mois') === au) {
    const months = monthIndex(au) - monthIndex(du) + 1;
    const start = monthIndex(du) - months;
    return { du: `${monthKey(start)}-01`, au: shiftDay(du, -1) };
  }
  const length = dayCount(du, au);
  return { du: shiftDay(du, -length), au: shiftDay(du, -1) };
}

/** Months since year 0, for month arithmetic. */
function monthIndex(day: string): number {
  return Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
}

function monthKey(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The Monday of the day's ISO week. */
function mondayOf(day: string): string {
  const weekday = (new Date(toTime(day)).getUTCDay() + 6) % 7; // 0 = Monday
  return shiftDay(day, -weekday);
}

/** The key of the period holding `day`: the day, its week's Monday, or « YYYY-MM ». */
export function periodKey(day: string, granularite: Granularite): string {
  if (granularite === 'jour') return day;
  if (granularite === 'semaine') return mondayOf(day);
  return day.slice(0, 7);
}

function periodEnd(key: string, granularite: Granularite): string {
  if (granularite === 'jour') return key;
  if (granularite === 'semaine') return shiftDay(key, 6);
  const [year, month] = key.split('-').map(Number) as [number, number];
  // Day 0 of the next month is this month's last day.
  return toDay(Date.UTC(year, month, 0));
}

/** Every period from `du` to `au`, each cut to the range: a chart needs the empty ones too. */
export function periodsOf(
  du: string,
  au: string,
  granularite: Granularite,
): Array<{ cle: string; debut: string; fin: string }> {
  const periods: Array<{ cle: string; debut: string; fin: string }> = [];
  let day = du;
  while (day <= au) {
    const cle = periodKey(day, granularite);
    const end = periodEnd(cle, granularite);
    periods.push({ cle, debut: day, fin: end < au ? end : au });
    day = shiftDay(end, 1);
  }
  return periods;
}

export interface Spans {
  /** The whole months inside the range, « YYYY-MM » first and last; null when there is none. */
  months: [string, string] | null;
  /** The days outside those months: none, one or two runs of days. */
  days: Array<[string, string]>;
}

/**
 * Splits a range into its whole months and the days at its edges, so the monthly counts answer most of a
 * long range and the daily counts only the rest.
 */
export function spansOf(du: string, au: string): Spans {
  const firstMonth = du.endsWith('-01')
    ? du.slice(0, 7)
    : periodKey(shiftDay(periodEnd(du.slice(0, 7), 'mois'), 1), 'mois');
  const lastMonth =
    periodEnd(au.slice(0, 7), 'mois') === au
      ? au.slice(0, 7)
      : periodKey(shiftDay(`${au.slice(0, 7)}-01`, -1), 'mois');
  if (firstMonth > lastMonth) return { months: null, days: [[du, au]] };
  const days: Array<[string, string]> = [];
  const start = `${firstMonth}-01`;
  if (du < start) days.push([du, shiftDay(start, -1)]);
  const end = periodEnd(lastMonth, 'mois');
  if (end < au) days.push([shiftDay(end, 1), au]);
  return { months: [firstMonth, lastMonth], days };
}

function lastDayOfMonth(month: string): string {
  return periodEnd(month, 'mois');
}

/** The same calendar day `months` months away, cut to that month's last day (31 March − 1 month → 28 February). */
function shiftMonths(day: string, months: number): string {
  const month = monthKey(monthIndex(day) + months);
  const candidate = `${month}-${day.slice(8, 10)}`;
  const last = lastDayOfMonth(month);
  return candidate > last ? last : candidate;
}

/** The same days one year earlier: 1 Jan–3 Dec 2026 → 1 Jan–3 Dec 2025 (29 February → 28). */
export function sameSpanLastYear(du: string, au: string): { du: string; au: string } {
  return { du: shiftMonths(du, -12), au: shiftMonths(au, -12) };
}

export type Comparaison =
  'mois_precedents' | 'meme_periode_annee_precedente' | 'meme_periode_mois_precedent' | 'jours_precedents';

/**
 * What a period compares with, like with like: whole months with as many months before; a year so far
 * (1 January to a day of the same year) with the same span of the previous year; a month so far with the same
 * days of the previous month; any other range with as many days just before.
 */
export function comparisonRange(
  du: string,
  au: string,
): { du: string; au: string; comparaison: Comparaison } {
  const wholeMonths = du.endsWith('-01') && lastDayOfMonth(au.slice(0, 7)) === au;
  if (wholeMonths) return { ...previousRange(du, au), comparaison: 'mois_precedents' };
  if (du.endsWith('-01-01') && au.slice(0, 4) === du.slice(0, 4))
    return { ...sameSpanLastYear(du, au), comparaison: 'meme_periode_annee_precedente' };
  if (du.endsWith('-01') && au.slice(0, 7) === du.slice(0, 7))
    return { du: shiftMonths(du, -1), au: shiftMonths(au, -1), comparaison: 'meme_periode_mois_precedent' };
  return { ...previousRange(du, au), comparaison: 'jours_precedents' };
}

/** Whether a period is not over on `today` (Paris): it ends today or later, so its figures will still grow. */
export function isIncomplete(au: string, today: string): boolean {
  return au >= today;
}

/**
 * The range of an annual review: the whole calendar year once it is over; a year in progress stops today (and is
 * compared with the same span of the year before); a year not begun yet is the whole year, with nothing in it.
 */
export function yearRange(annee: number, today: string): { du: string; au: string; complete: boolean } {
  const du = `${annee}-01-01`;
  const end = `${annee}-12-31`;
  if (today > end) return { du, au: end, complete: true };
  return { du, au: today >= du ? today : end, complete: false };
}
