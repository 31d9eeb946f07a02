// A window-wide key listener that always sees the component's current state. The usual pattern — an effect
// re-attaching the listener when its dependencies change — runs after the paint: a key pressed as soon as the new
// state shows (a star, a reason list, a new page, the last typed letter before Ctrl+S) reached the previous
// listener and acted on the previous state. Here the handler is swapped before the paint and the listener stays.
import { useEffect, useLayoutEffect, useRef } from 'react';

export function useWindowKeyDown(
  onKeyDown: (event: KeyboardEvent) => void,
  { capture = false, enabled = true }: { capture?: boolean; enabled?: boolean } = {},
): void {
  const current = useRef(onKeyDown);
  useLayoutEffect(() => {
    current.current = onKeyDown;
  });
  useEffect(() => {
    if (!enabled) return;
    const listener = (event: KeyboardEvent) => current.current(event);
    window.addEventListener('keydown', listener, capture);
    return () => window.removeEventListener('keydown', listener, capture);
  }, [capture, enabled]);
}
