import { describe, expect, it } from 'vitest';
import type { ClientSlot } from '../core/auth/session';
import { CLIENT_COOKIE, Clients, MAX_CLIENTS_PER_SOURCE } from './http-clients';

/** Tokens as strings; those in `live` open a session. */
function tokenStore() {
  const live = new Set<string>();
  let next = 0;
  return {
    live,
    open: () => {
      const token = `jeton-${++next}`;
      live.add(token);
      return token;
    },
    isLive: (token: string | null) => token !== null && live.has(token),
    close: (token: string | null) => {
      if (token) live.delete(token);
    },
  };
}

const idOf = (cookie: string | null) =>
  new RegExp(`^${CLIENT_COOKIE}=([^;]*)`).exec(cookie ?? '')?.[1] ?? null;
const cookie = (id: string) => `${CLIENT_COOKIE}=${id}`;

function login(clients: Clients, tokens: ReturnType<typeof tokenStore>, source = '192.0.2.1', id?: string) {
  const call = clients.of(id ? cookie(id) : undefined);
  call.slot.token = tokens.open();
  return { id: idOf(clients.settle(call, 'auth.login', true, source)), slot: call.slot };
}

describe('Clients', () => {
  it('keeps nothing for calls without a session', () => {
    const tokens = tokenStore();
    const clients = new Clients(tokens);
    for (let i = 0; i < 2000; i++) {
      const call = clients.of(undefined);
      expect(clients.settle(call, 'auth.session', true, '192.0.2.1')).toBeNull();
    }
    // A failed login neither.
    const call = clients.of(undefined);
    expect(clients.settle(call, 'auth.login', false, '192.0.2.1')).toBeNull();
    expect(clients.size).toBe(0);
  });

  it('moves the slot to a new id at login, and ignores unknown ids', () => {
    const tokens = tokenStore();
    const clients = new Clients(tokens);
    const first = login(clients, tokens);
    expect(first.id).toMatch(/^[\w-]{32}$/);
    expect(clients.of(cookie(first.id ?? '')).slot).toBe(first.slot);
    const second = login(clients, tokens, '192.0.2.1', first.id ?? '');
    expect(second.id).not.toBe(first.id);
    expect(second.slot).toBe(first.slot);
    expect(clients.of(cookie(first.id ?? '')).id).toBeNull();
    expect(clients.of(cookie('x'.repeat(32))).id).toBeNull();
    // A second cookie of the same name, planted by another page of the machine, does not hide the known one.
    expect(clients.of(`${cookie('y'.repeat(32))}; ${cookie(second.id ?? '')}`).slot).toBe(second.slot);
    expect(clients.size).toBe(1);
  });

  it('forgets the id at logout and when the session has ended', () => {
    const tokens = tokenStore();
    const clients = new Clients(tokens);
    const one = login(clients, tokens);
    const call = clients.of(cookie(one.id ?? ''));
    tokens.close(call.slot.token);
    call.slot.token = null;
    expect(clients.settle(call, 'auth.logout', true, '192.0.2.1')).toMatch(/=; .*Max-Age=0$/);
    const two = login(clients, tokens);
    tokens.live.clear(); // idle too long
    expect(clients.settle(clients.of(cookie(two.id ?? '')), 'auth.session', true, '192.0.2.1')).toMatch(
      /Max-Age=0$/,
    );
    expect(clients.size).toBe(0);
  });

  it('limits the sessions kept per source, ending only that source’s oldest', () => {
    const tokens = tokenStore();
    const clients = new Clients(tokens);
    const elsewhere = login(clients, tokens, '198.51.100.7');
    const mine: Array<{ id: string | null; slot: ClientSlot }> = [];
    for (let i = 0; i < MAX_CLIENTS_PER_SOURCE + 5; i++) mine.push(login(clients, tokens));
    expect(clients.size).toBe(MAX_CLIENTS_PER_SOURCE + 1);
    expect(clients.of(cookie(elsewhere.id ?? '')).slot).toBe(elsewhere.slot);
    expect(clients.of(cookie(mine[0]?.id ?? '')).id).toBeNull();
    expect(tokens.isLive(mine[0]?.slot.token ?? null)).toBe(false);
    expect(clients.of(cookie(mine.at(-1)?.id ?? '')).id).not.toBeNull();
  });
});
