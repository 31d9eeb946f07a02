// Which search box the shortcuts (/ and Ctrl+K) act on: the page's own box registers itself here.

let box: HTMLInputElement | null = null;
let selectOnMount = false;

/** A ref callback for a page's search box. */
export function registerSearchBox(element: HTMLInputElement | null): void {
  box = element;
  if (element && selectOnMount) {
    selectOnMount = false;
    element.focus();
    element.select();
  }
}

/** Focuses and selects the registered box; false when the page has none. */
export function focusSearchBox(): boolean {
  if (!box || !box.isConnected) return false;
  box.focus();
  box.select();
  return true;
}

/** The next box to register (after a navigation) gets the focus with its text selected. */
export function focusSearchBoxOnMount(): void {
  selectOnMount = true;
}
