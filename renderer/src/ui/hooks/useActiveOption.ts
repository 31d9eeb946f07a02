import { useEffect, useState } from 'react';
import { moveActive } from '../keys';

export interface ActiveState {
  /** Which list (the key of the answer on screen) the index belongs to. */
  key: string | null;
  index: number;
}

/**
 * The active option of a listbox driven from its search box (↑/↓). It belongs to one answer: a new answer starts
 * with no active option. The active option is kept scrolled into view.
 */
export function useActiveOption(
  listKey: string | null,
  count: number,
  idOf: (index: number) => string,
  initial?: ActiveState,
) {
  const [state, setState] = useState<ActiveState>(initial ?? { key: listKey, index: -1 });
  const active = state.key === listKey && state.index < count ? state.index : -1;

  useEffect(() => {
    if (active >= 0) document.getElementById(idOf(active))?.scrollIntoView({ block: 'nearest' });
  }, [active, idOf]);

  return {
    active,
    move: (delta: 1 | -1) => setState({ key: listKey, index: moveActive(active, delta, count) }),
    reset: () => setState({ key: listKey, index: -1 }),
  };
}
