// An account's state as the window shows it. Pure.
import type { CompteSummary } from '../../../../common/comptes/methods';

/** Locked now: the lock's end is still ahead. A passed lock no longer stops anyone. */
export function isLocked(compte: Pick<CompteSummary, 'verrouilleJusqu'>, now: number): boolean {
  return compte.verrouilleJusqu !== null && Date.parse(compte.verrouilleJusqu) > now;
}
