import { randomBytes } from 'node:crypto';

export interface TokenEntry {
  compteId: number;
  via: 'mot_de_passe' | 'pin';
  lastSeen: number;
}

/** Sessions live in memory: a restart, like a long idle time, asks everyone to log in again. */
export class SessionTokens {
  private readonly entries = new Map<string, TokenEntry>();

  constructor(
    private readonly idleMs: number,
    private readonly clock: () => number,
  ) {}

  open(compteId: number, via: TokenEntry['via']): string {
    const token = randomBytes(32).toString('base64url');
    this.entries.set(token, { compteId, via, lastSeen: this.clock() });
    return token;
  }

  /** The live entry for a token, its idle time restarted; null when unknown or expired. */
  touch(token: string | null): TokenEntry | null {
    if (!token) return null;
    const entry = this.entries.get(token);
    if (!entry) return null;
    const now = this.clock();
    if (now - entry.lastSeen > this.idleMs) {
      this.entries.delete(token);
      return null;
    }
    entry.lastSeen = now;
    return entry;
  }

  /** Whether a token still opens a session, without restarting its idle time. */
  isLive(token: string | null): boolean {
    if (!token) return false;
    const entry = this.entries.get(token);
    return entry !== undefined && this.clock() - entry.lastSeen <= this.idleMs;
  }

  close(token: string | null): void {
    if (token) this.entries.delete(token);
  }

  /**
   * Ends every session of an account (deactivated, password changed, roles withdrawn), but `keep`: the session
   * of the person who changed their own password stays open.
   */
  closeAllOf(compteId: number, keep: string | null = null): void {
    for (const [token, entry] of this.entries)
      if (entry.compteId === compteId && token !== keep) this.entries.delete(token);
  }

  clear(): void {
    this.entries.clear();
  }
}
