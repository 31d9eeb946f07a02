// The audit trail stores UTC instants; administrators filter it by calendar days in Paris.
import { addDaysToDay, parisDay } from '../../../common/dates';

/** The first instant of a Paris calendar day « YYYY-MM-DD », as an ISO string comparable with `horodatage`. */
export function parisDayStart(day: string): string {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  // Paris is UTC+1 or UTC+2, and its clock never changes at midnight: the day starts at 22:00 or 23:00 UTC
  // the day before. The earliest of those instants that is already `day` in Paris is the start.
  for (const hours of [-2, -1]) {
    const instant = new Date(midnightUtc + hours * 3_600_000);
    if (parisDay(instant) === day) return instant.toISOString();
  }
  return new Date(midnightUtc).toISOString();
}

/** The first instant after a Paris calendar day: the bound of an inclusive « au ». */
export function parisDayEnd(day: string): string {
  return parisDayStart(addDaysToDay(day, 1));
}
