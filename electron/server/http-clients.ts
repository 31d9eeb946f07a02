// The sessions of the HTTP transport. Each browser holding a session gets an opaque client id in an HttpOnly,
// SameSite=Strict cookie; the server keeps its session token against it, so the token never reaches the
// page's JavaScript (as in Electron, where the main process keeps it per window).
//
// - A slot is kept only once a session is open: requests without a (known) cookie get a slot of their own
//   that is forgotten after the call, so no flood of cookie-less requests can push a logged-in client out.
// - The id changes whenever the session does (login, PIN switch, first start, logout): an id planted before
//   the login (by a page on another port of this machine, which shares its cookies) never carries a session.
import { randomBytes } from 'node:crypto';
import type { ClientSlot } from '../core/auth/session';

export const CLIENT_COOKIE = 'infocite_client';

/** At most this many sessions kept for one source: a further login from it ends its own oldest. */
export const MAX_CLIENTS_PER_SOURCE = 500;

/** The methods that open or close a session: on success, the client gets a new id (or none). */
export const SESSION_METHODS: ReadonlySet<string> = new Set([
  'auth.login',
  'auth.pinLogin',
  'auth.setup',
  'auth.logout',
]);

const COOKIE_ATTRIBUTES = 'HttpOnly; SameSite=Strict; Path=/';

interface Entry {
  slot: ClientSlot;
  source: string;
}

/** What the store of sessions needs: whether a token still opens one, and closing one. */
export interface TokenStore {
  isLive(token: string | null): boolean;
  close(token: string | null): void;
}

export interface ClientCall {
  /** The id the request presented, when known. */
  id: string | null;
  slot: ClientSlot;
}

export class Clients {
  private readonly entries = new Map<string, Entry>();
  private readonly bySource = new Map<string, Set<string>>();
  private sweepAt = 1000;

  constructor(private readonly tokens: TokenStore) {}

  get size(): number {
    return this.entries.size;
  }

  /** The slot behind the request's cookie; a fresh one, kept nowhere, for a request without a known id. */
  of(cookieHeader: string | undefined): ClientCall {
    const pattern = new RegExp(`(?:^|;)\\s*${CLIENT_COOKIE}=([\\w-]{20,})`, 'g');
    // Another page of this machine may have added a cookie of the same name: take the first id we know.
    for (const match of (cookieHeader ?? '').matchAll(pattern)) {
      const id = match[1];
      const entry = id ? this.entries.get(id) : undefined;
      if (id && entry) return { id, slot: entry.slot };
    }
    return { id: null, slot: { token: null } };
  }

  /**
   * After a call: moves the slot to a new id when the call opened or closed a session, forgets it when its
   * session has ended. Returns the Set-Cookie value to send, if any.
   */
  settle(call: ClientCall, method: string, succeeded: boolean, source: string): string | null {
    const { id, slot } = call;
    if (succeeded && SESSION_METHODS.has(method)) {
      if (id) this.forget(id);
      if (!this.tokens.isLive(slot.token)) return `${CLIENT_COOKIE}=; ${COOKIE_ATTRIBUTES}; Max-Age=0`;
      const fresh = randomBytes(24).toString('base64url');
      this.keep(fresh, { slot, source });
      return `${CLIENT_COOKIE}=${fresh}; ${COOKIE_ATTRIBUTES}`;
    }
    if (id && this.entries.get(id)?.slot === slot && !this.tokens.isLive(slot.token)) {
      this.forget(id);
      return `${CLIENT_COOKIE}=; ${COOKIE_ATTRIBUTES}; Max-Age=0`;
    }
    return null;
  }

  private keep(id: string, entry: Entry): void {
    this.entries.set(id, entry);
    let ids = this.bySource.get(entry.source);
    if (!ids) this.bySource.set(entry.source, (ids = new Set()));
    ids.add(id);
    if (ids.size > MAX_CLIENTS_PER_SOURCE) {
      const oldest = ids.values().next();
      if (!oldest.done) {
        this.tokens.close(this.entries.get(oldest.value)?.slot.token ?? null);
        this.forget(oldest.value);
      }
    }
    if (this.entries.size > this.sweepAt) {
      this.sweep();
      this.sweepAt = Math.max(1000, 2 * this.entries.size);
    }
  }

  private forget(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    const ids = this.bySource.get(entry.source);
    ids?.delete(id);
    if (ids?.size === 0) this.bySource.delete(entry.source);
  }

  /** Forgets the slots whose sessions have ended (idle, logged out elsewhere, account closed). */
  sweep(): void {
    for (const [id, entry] of this.entries) if (!this.tokens.isLive(entry.slot.token)) this.forget(id);
  }
}
