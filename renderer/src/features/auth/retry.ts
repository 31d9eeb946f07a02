// The forced wait after failed logins, counted down on the button: the core says how many seconds (the
// envelope's retryAfter, or the seconds written in its French message), the window shows « Réessayez dans 3 s… »
// and keeps the button disabled until then.
import { useEffect, useState } from 'react';
import type { ApiError } from '../../api';

/** Seconds to wait after this refusal, or null when the person may try again at once. */
export function retrySeconds(error: Pick<ApiError, 'message' | 'retryAfter'>): number | null {
  if (error.retryAfter !== undefined && error.retryAfter > 0) return Math.ceil(error.retryAfter);
  const seconds = /patientez (\d+) seconde/.exec(error.message);
  if (seconds?.[1]) return Number(seconds[1]);
  const minutes = /Réessayez dans (\d+) minute/.exec(error.message);
  if (minutes?.[1]) return Number(minutes[1]) * 60;
  return null;
}

/** « Réessayez dans 3 s… », « Réessayez dans 15 min… ». */
export function waitLabel(seconds: number): string {
  return seconds < 60 ? `Réessayez dans ${seconds} s…` : `Réessayez dans ${Math.ceil(seconds / 60)} min…`;
}

/** The seconds left before the next try (0 when it may be tried now), and how to start a wait. */
export function useRetryCountdown(): { remaining: number; wait(seconds: number | null): void } {
  const [until, setUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const remaining = Math.max(0, Math.ceil((until - now) / 1000));
  useEffect(() => {
    if (remaining <= 0) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [remaining]);
  return {
    remaining,
    wait: (seconds) => {
      const start = Date.now();
      setNow(start);
      setUntil(seconds === null ? 0 : start + seconds * 1000);
    },
  };
}
