// When a training stops counting: each type has a validity in months (none: it never expires). The rule of
// the label, the agents' pages and the refreshers due all read validity from here.
import { addDaysToDay, addMonthsToDay } from '../../../common/dates';

export interface Attended {
  /** The session's day, « YYYY-MM-DD ». */
  date: string;
  /** The type's validity in months; null when it never expires. */
  validiteMois: number | null;
}

/** The last day a training attended on `date` still counts, or null when it never expires. */
export function validUntil(attended: Attended): string | null {
  if (attended.validiteMois === null) return null;
  // Valid up to the day before the same date N months later.
  const end = addMonthsToDay(attended.date, attended.validiteMois);
  return addDaysToDay(end, -1);
}

/** Whether the training counts on `day`: attended on or before it, and not expired. */
export function isValidOn(attended: Attended, day: string): boolean {
  if (attended.date > day) return false;
  const until = validUntil(attended);
  return until === null || until >= day;
}

/**
 * Of the sessions of one type an agent attended, the one that counts on `day`: the latest attended on or
 * before it. Its refresher is due the day after `validUntil`.
 */
export function latestAttended<T extends Attended>(sessions: readonly T[], day: string): T | null {
  let latest: T | null = null;
  for (const session of sessions)
    if (session.date <= day && (!latest || session.date > latest.date)) latest = session;
  return latest;
}
