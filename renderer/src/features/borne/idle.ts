// The kiosk's idle clock: after `delayMs` without any touch, key or scroll, `onIdle` runs once (the kiosk goes
// back to its home and forgets the visit). Plain timers, so the rule is tested with fake ones.

export interface IdleTimer {
  /** Someone touched the kiosk: the delay starts again. */
  touch(): void;
  stop(): void;
}

export function startIdleTimer(delayMs: number, onIdle: () => void): IdleTimer {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const arm = () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      onIdle();
    }, delayMs);
  };
  arm();
  return {
    touch: arm,
    stop: () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}

/** What counts as someone using the kiosk. */
export const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'input', 'wheel', 'scroll', 'touchstart'] as const;
