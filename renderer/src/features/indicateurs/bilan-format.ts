// The annual review's small rules: which year a URL asks for, and how the label's decisions read in a report.
// Pure, tested under Node.
import { DECISION_NAMES } from '../../../../common/label/types';

/** The year of `#/bilan?annee=…`: a year the core accepts (2000-2100), else the current one. */
export function yearOf(param: string | undefined, today: string): number {
  const current = Number(today.slice(0, 4));
  if (param === undefined || !/^\d{4}$/.test(param.trim())) return current;
  const year = Number(param.trim());
  return year >= 2000 && year <= 2100 ? year : current;
}

/** Decisions as a report names them, once taken. */
export const ACTION_NAMES = DECISION_NAMES;
