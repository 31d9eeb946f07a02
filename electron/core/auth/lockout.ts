// Repeated failures first slow the attempts down, then lock the account for a while. Pure: the account
// service stores the counters and the instants, this decides.

export const LOCKOUT = {
  /** Failures allowed before any delay. */
  freeFailures: 2,
  /** The account locks at this many failures in a row. */
  lockAt: 6,
  lockMs: 15 * 60 * 1000,
} as const;

export interface LockState {
  echecs: number;
  prochainEssai: string | null;
  verrouilleJusqu: string | null;
}

/** Why an attempt is not even checked now, in French; null when it may be. */
export function attemptRefusal(state: LockState, now: Date): string | null {
  const t = now.getTime();
  if (state.verrouilleJusqu && Date.parse(state.verrouilleJusqu) > t) {
    const minutes = Math.ceil((Date.parse(state.verrouilleJusqu) - t) / 60_000);
    return `Ce compte est verrouillé après plusieurs échecs. Réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}, ou demandez à un administrateur de le déverrouiller.`;
  }
  if (state.prochainEssai && Date.parse(state.prochainEssai) > t) {
    const seconds = Math.ceil((Date.parse(state.prochainEssai) - t) / 1000);
    return `Trop d'essais infructueux : patientez ${seconds} seconde${seconds > 1 ? 's' : ''} avant de réessayer.`;
  }
  return null;
}

/** The counters after one more failure at `now`. */
export function afterFailure(state: LockState, now: Date): LockState {
  const echecs = state.echecs + 1;
  const t = now.getTime();
  if (echecs >= LOCKOUT.lockAt) {
    return { echecs, prochainEssai: null, verrouilleJusqu: new Date(t + LOCKOUT.lockMs).toISOString() };
  }
  if (echecs > LOCKOUT.freeFailures) {
    const delay = 1000 * 2 ** (echecs - LOCKOUT.freeFailures - 1);
    return { echecs, prochainEssai: new Date(t + delay).toISOString(), verrouilleJusqu: null };
  }
  return { echecs, prochainEssai: null, verrouilleJusqu: null };
}

/** Seconds before the next attempt may be checked (the window counts them down); none when it may be now. */
export function secondsToWait(state: LockState, now: Date): number | undefined {
  const until = Math.max(
    Date.parse(state.verrouilleJusqu ?? '') || 0,
    Date.parse(state.prochainEssai ?? '') || 0,
  );
  const ms = until - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : undefined;
}

export const CLEARED: LockState = { echecs: 0, prochainEssai: null, verrouilleJusqu: null };
