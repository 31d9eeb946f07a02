// Moves the outbox to the server: batches of at most MAX_BATCH entries, oldest first, each batch stamped with
// the desk's clock (`sentAt`) so the server can place every entry on the day it was made. Whatever the server
// answers for an entry (accepted, already there, or refused into its dead letters) removes it from the outbox;
// a network error or a 5xx leaves everything in place and tries again after an exponential backoff with jitter.
// The server stores each uid once, so a batch whose answer was lost, or a desk killed mid-send, simply sends the
// same entries again.
import { MAX_BATCH, type SyncOutputs } from '../../../common/sync/methods';
import type { Outbox } from './outbox';
import { Unreachable, type ServerLink } from './server-link';

export const BACKOFF = { firstMs: 1_000, maxMs: 60_000 } as const;
/** How often an idle desk looks for new entries. */
export const IDLE_MS = 2_000;

/**
 * The wait after `failures` failed attempts in a row (1 → about firstMs): doubling up to maxMs, then each wait
 * drawn between half and the whole of it, so desks cut off together do not all come back at the same instant.
 */
export function backoffDelay(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF.maxMs, BACKOFF.firstMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

export interface SenderOptions {
  outbox: Outbox;
  link: ServerLink;
  credential: () => string | null;
  now: () => Date;
  random?: () => number;
  /** Told after every attempt: whether the server answered. */
  onContact?: (reached: boolean) => void;
  batchSize?: number;
}

export type TickResult =
  | { kind: 'idle' }
  | { kind: 'sent'; count: number }
  | { kind: 'failed'; reason: string; retryInMs: number }
  | { kind: 'refused'; reason: string; retryInMs: number };

export const LAST_SENT_KEY = 'dernierEnvoi';

export class Sender {
  private failures = 0;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | null = null;
  private stopped = true;

  constructor(private readonly options: SenderOptions) {}

  /** One step: sends one batch if there is one. The caller waits `retryInMs` (or IDLE_MS) before the next. */
  async tick(): Promise<TickResult> {
    const { outbox, link, now } = this.options;
    const credential = this.options.credential();
    if (!credential) return { kind: 'idle' };
    const entries = outbox.pending(this.options.batchSize ?? MAX_BATCH);
    if (entries.length === 0) return { kind: 'idle' };
    let answer;
    try {
      answer = await link.call('sync.ingest', { sentAt: now().toISOString(), entries }, credential);
    } catch (error) {
      if (!(error instanceof Unreachable)) throw error;
      this.options.onContact?.(false);
      this.failures += 1;
      return {
        kind: 'failed',
        reason: error.message,
        retryInMs: backoffDelay(this.failures, this.options.random),
      };
    }
    this.options.onContact?.(true);
    if (!answer.envelope.ok) {
      // The whole batch refused (a revoked credential, an outdated desk): nothing leaves the outbox; the
      // administrator's fix will let it through, so try again, slowly.
      this.failures += 1;
      return {
        kind: 'refused',
        reason: answer.envelope.error.message,
        retryInMs: backoffDelay(this.failures, this.options.random),
      };
    }
    this.failures = 0;
    const { results } = answer.envelope.result as SyncOutputs['sync.ingest'];
    const sent = new Set(entries.map((entry) => entry.uid));
    const answered = results.map((result) => result.uid).filter((uid) => sent.has(uid));
    outbox.transaction(() => {
      outbox.remove(answered);
      outbox.setState(LAST_SENT_KEY, now().toISOString());
    });
    return { kind: 'sent', count: answered.length };
  }

  /** Sends until stopped: right away while entries wait, after the backoff on failure, every IDLE_MS otherwise. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Sends now (after a new entry), unless a send is under way. */
  nudge(): void {
    if (this.stopped || this.running || this.failures > 0) return;
    this.schedule(0);
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      const run = this.tick()
        .then((result) => {
          if (result.kind === 'sent') return 0;
          if (result.kind === 'idle') return IDLE_MS;
          return result.retryInMs;
        })
        .catch((error: unknown) => {
          console.error('[outbox] sending failed:', error);
          return BACKOFF.maxMs;
        });
      this.running = run;
      void run.then((next) => {
        this.running = null;
        this.schedule(next);
      });
    }, ms);
    this.timer.unref?.();
  }

  /** Stops the loop and waits for a send under way (its entries stay until answered). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
