// The outcome bar's keys, pure and unit-tested under Node. A digit logs an outcome only when the focus is not in
// an editable field (a digit typed in the search box is part of the query); Alt+digit acts everywhere. The key's
// physical position (`code`) counts as well as the character: on a French AZERTY keyboard the digit row gives
// « & é " ' ( - » without Shift, and on a Mac Alt+1 types « ¡ ».
import type { KeyInfo } from '../../ui/keys';
import { ISSUES, MOTIFS } from '../../../../common/journal/codes';
import type { Issue, Motif } from '../../../../common/journal/codes';

export interface OutcomeKeyInfo extends KeyInfo {
  code?: string;
}

/** What the bar is waiting for: an outcome (keys 1-6) or, after « Non résolu », its reason (keys 1-4). */
export type BarMode = 'outcome' | 'motif';

export type BarKey = { kind: 'issue'; issue: Issue } | { kind: 'motif'; motif: Motif } | null;

/** The digit 1-9 a key stands for, by its character or its physical key; null for anything else. */
export function digitOf(event: OutcomeKeyInfo): number | null {
  if (/^[1-9]$/.test(event.key)) return Number(event.key);
  const code = /^(?:Digit|Numpad)([1-9])$/.exec(event.code ?? '');
  return code ? Number(code[1]) : null;
}

/** What a key pressed while a contact is open means to the bar, given where the focus is. */
export function barKeyFor(event: OutcomeKeyInfo, inTextField: boolean, mode: BarMode): BarKey {
  if (event.ctrlKey || event.metaKey) return null;
  if (inTextField && !event.altKey) return null;
  const digit = digitOf(event);
  if (digit === null) return null;
  if (mode === 'motif') {
    // While the reason is asked, 1-4 answer it (Échap or a click goes back to the outcomes).
    const motif = MOTIFS[digit - 1];
    return motif ? { kind: 'motif', motif } : null;
  }
  const issue = ISSUES[digit - 1];
  return issue ? { kind: 'issue', issue } : null;
}
