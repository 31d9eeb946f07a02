import { useEffect, useRef } from 'react';

/**
 * Moves the focus to the page's h1 once its content is there, so that screen readers announce the new page and
 * the keyboard starts from the top of it. Skipped when the focus already is somewhere in the page's content.
 */
export function useFocusHeading<T extends HTMLElement>(ready: boolean) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (!ready) return;
    const active = document.activeElement;
    if (active && active !== document.body && active.closest('main')) return;
    ref.current?.focus({ preventScroll: true });
  }, [ready]);
  return ref;
}
