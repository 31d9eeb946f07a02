// The keys of the favourites, pure and unit-tested under Node: « * » stars the fiche on screen (outside text
// fields, where it is a character); in the home's list of favourites and recent fiches, ↑ ↓ Début Fin move,
// ↑ from the first item goes back to the search box.
import type { KeyInfo } from '../../ui/keys';

/** Whether a key pressed on a fiche page stars or unstars it. */
export function isStarKey(event: KeyInfo, inTextField: boolean): boolean {
  if (inTextField || event.ctrlKey || event.metaKey || event.altKey) return false;
  return event.key === '*';
}

/** Where the focus goes in a list of `count` items from `index`: an index, « search » (the box), or null. */
export function listMove(key: string, index: number, count: number): number | 'search' | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return Math.min(index + 1, count - 1);
    case 'ArrowUp':
      return index <= 0 ? 'search' : index - 1;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'Escape':
      return 'search';
    default:
      return null;
  }
}
