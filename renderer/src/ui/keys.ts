// Pure keyboard helpers, unit-tested under Node.

/** The little of an element the shortcuts need to know. */
export interface FocusTarget {
  tagName: string;
  type?: string;
  isContentEditable?: boolean;
}

const NON_TEXT_INPUTS = new Set([
  'button',
  'checkbox',
  'radio',
  'submit',
  'reset',
  'range',
  'color',
  'file',
  'image',
]);

/** True when a typed « / » belongs to the focused field rather than to the shortcut. */
export function isTextField(target: FocusTarget | null | undefined): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  return !NON_TEXT_INPUTS.has((target.type ?? 'text').toLowerCase());
}

/**
 * The next active item of a list of `count` items for ↓ (+1) or ↑ (-1); -1 means none. Wraps around the ends so
 * the agent can reach the last result from the search box with a single ↑.
 */
export function moveActive(current: number, delta: 1 | -1, count: number): number {
  if (count <= 0) return -1;
  if (current < 0 || current >= count) return delta === 1 ? 0 : count - 1;
  return (current + delta + count) % count;
}

export type Shortcut = 'focus-search' | 'focus-page-search' | 'back' | 'for-citizen' | null;

export interface KeyInfo {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey?: boolean;
  /** The physical key: Alt+U on a Mac types « ¨ », but its code stays KeyU. */
  code?: string;
}

/** « Pour l'usager » on a fiche: Alt+U, also in a text field (Alt+letter types nothing there on Windows/Linux). */
export const FOR_CITIZEN_KEYS = 'Alt+U';

/** What a key pressed anywhere in the window means, given where the focus is. */
export function shortcutFor(event: KeyInfo, inTextField: boolean): Shortcut {
  const key = event.key.toLowerCase();
  if ((event.ctrlKey || event.metaKey) && !event.altKey && key === 'k') return 'focus-search';
  if (event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
    if (key === 'u' || event.code === 'KeyU') return 'for-citizen';
  }
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (event.key === '/' && !inTextField) return 'focus-page-search';
  if (event.key === 'Escape' && !inTextField) return 'back';
  return null;
}
