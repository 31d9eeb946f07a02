// The kiosk's screens: kept in memory for one visit only (never in the address bar nor the browser's history,
// so that the next citizen cannot go back into this one's visit).
import type { ThemeRef } from '../../../../common/contract';

export type Screen =
  | { kind: 'accueil' }
  | { kind: 'recherche'; q: string; theme?: ThemeRef }
  | { kind: 'fiche'; id: string }
  | { kind: 'services' }
  | { kind: 'service'; id: string };

/** Where « Retour » leads: the screen before, or the home. */
export function back(stack: readonly Screen[]): Screen[] {
  return stack.length > 1 ? stack.slice(0, -1) : [{ kind: 'accueil' }];
}
