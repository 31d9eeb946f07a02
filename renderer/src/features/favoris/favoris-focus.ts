// The home's list of favourites and recent fiches registers itself here, so that ↓ in the empty search box can
// move into it (the search page does not import the list's component state).

let list: HTMLElement | null = null;

/** A ref callback for the list's container. */
export function registerFavorisList(element: HTMLElement | null): void {
  list = element;
}

/** Focuses the list's first link; false when there is none on screen. */
export function focusFavoris(): boolean {
  const first = list?.isConnected ? list.querySelector<HTMLElement>('[data-favori-link]') : null;
  if (!first) return false;
  first.focus();
  return true;
}
