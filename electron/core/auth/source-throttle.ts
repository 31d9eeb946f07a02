// Failures counted per source (the address a request came from, or LOCAL_SOURCE for the Electron window and the
// command line), across every account: guessing many accounts from one place slows down as surely as guessing
// one. In memory, like the sessions: a restart forgets it, the per-account counters stay in the database.
import { RefusedError } from '../errors';

/** The source of calls that do not come through the network: the Electron window, `npm run call`, tests. */
export const LOCAL_SOURCE = 'local';

export const SOURCE_LIMITS = {
  /** Failures allowed from one source before any delay (more than one account's: a desk is shared). */
  freeFailures: 10,
  /** The forced wait doubles from 1 s with each further failure, up to this. */
  maxDelayMs: 60_000,
  /** A source's count is forgotten this long after its last failure. */
  forgetAfterMs: 15 * 60 * 1000,
  /** Above this many sources remembered, the forgotten ones are swept (then the oldest). */
  maxSources: 10_000,
} as const;

interface SourceState {
  failures: number;
  /** Epoch ms before which no attempt from this source is checked; 0 when none is due. */
  nextAttempt: number;
  lastFailure: number;
}

function delayAfter(failures: number): number {
  if (failures <= SOURCE_LIMITS.freeFailures) return 0;
  const exponent = Math.min(failures - SOURCE_LIMITS.freeFailures - 1, 16);
  return Math.min(1000 * 2 ** exponent, SOURCE_LIMITS.maxDelayMs);
}

/** What admit() gives back: the attempt was counted as a failure; a success withdraws it. */
export interface SourceAttempt {
  succeeded(): void;
}

export class SourceThrottle {
  private readonly states = new Map<string, SourceState>();

  constructor(private readonly clock: () => number) {}

  private current(source: string, now: number): SourceState | undefined {
    const state = this.states.get(source);
    if (state && now - state.lastFailure > SOURCE_LIMITS.forgetAfterMs) {
      this.states.delete(source);
      return undefined;
    }
    return state;
  }

  private sweep(now: number): void {
    for (const [source, state] of this.states)
      if (now - state.lastFailure > SOURCE_LIMITS.forgetAfterMs) this.states.delete(source);
    // Still too many (a flood of addresses): forget the oldest entries rather than grow without bound.
    for (const source of this.states.keys()) {
      if (this.states.size <= SOURCE_LIMITS.maxSources) break;
      this.states.delete(source);
    }
  }

  /**
   * Counts an attempt from `source` as a failure *before* it is checked, so that concurrent attempts see each
   * other; throws a RefusedError in French when the source must wait first. Synchronous: nothing can slip in
   * between the decision and the count.
   */
  admit(source: string): SourceAttempt {
    const now = this.clock();
    const state = this.current(source, now) ?? { failures: 0, nextAttempt: 0, lastFailure: now };
    if (state.nextAttempt > now) {
      const seconds = Math.ceil((state.nextAttempt - now) / 1000);
      throw new RefusedError(
        `Trop d'essais infructueux depuis ce poste : patientez ${seconds} seconde${seconds > 1 ? 's' : ''} avant de réessayer.`,
      );
    }
    state.failures += 1;
    state.lastFailure = now;
    const delay = delayAfter(state.failures);
    state.nextAttempt = delay ? now + delay : 0;
    if (!this.states.has(source)) {
      this.states.set(source, state);
      if (this.states.size > SOURCE_LIMITS.maxSources) this.sweep(now);
    }
    let settled = false;
    return {
      succeeded: () => {
        if (settled) return;
        settled = true;
        state.failures = Math.max(0, state.failures - 1);
        if (delayAfter(state.failures) === 0) state.nextAttempt = 0;
      },
    };
  }

  /** The failures counted for a source now (tests, diagnostics). */
  failuresOf(source: string): number {
    return this.current(source, this.clock())?.failures ?? 0;
  }
}
