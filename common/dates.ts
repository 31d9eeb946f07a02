// Calendar dates of the registries: « YYYY-MM-DD » strings in the commune's time zone, so that « today » at a
// desk in Paris is the same day whatever the machine's clock zone is.
import { addMonths, differenceInCalendarDays, format, isValid, parseISO } from 'date-fns';

const PARIS_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day in Paris at this instant, « YYYY-MM-DD ». */
export function parisDay(instant: Date): string {
  return PARIS_DAY.format(instant);
}

/** « YYYY-MM-DD » plus a number of months (end of month kept: 31 January + 1 month = 28/29 February). */
export function addMonthsToDay(day: string, months: number): string {
  return format(addMonths(parseISO(day), months), 'yyyy-MM-dd');
}

/** « YYYY-MM-DD » plus a number of days (negative to go back). */
export function addDaysToDay(day: string, days: number): string {
  const date = parseISO(day);
  date.setDate(date.getDate() + days);
  return format(date, 'yyyy-MM-dd');
}

export const DAY_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Whether a « YYYY-MM-DD » string names a real day (no 31 April). */
export function isRealDay(day: string): boolean {
  if (!DAY_PATTERN.test(day)) return false;
  const date = parseISO(day);
  return isValid(date) && format(date, 'yyyy-MM-dd') === day;
}

/** Days from `from` to `to` (« YYYY-MM-DD »), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}
