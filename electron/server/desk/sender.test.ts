// The outbox and its sender against an ingesting server that stores each uid once (as the real one does):
// order, batches, backoff on a network failure or a 5xx, a lost answer and a restart resend without doubling,
// and entries the server refuses leave the outbox (they live on in the server's dead letters).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IngestResult, OutboxEntry } from '../../../common/sync/methods';
import { Outbox } from './outbox';
import { BACKOFF, Sender, backoffDelay } from './sender';
import { ServerLink } from './server-link';

type Mode = 'up' | 'down' | 'error500' | 'dropAnswer';

/** The server side of sync.ingest: idempotent by uid; refuses entries of account 666 into dead letters. */
class FakeIngest {
  mode: Mode = 'up';
  readonly stored = new Map<string, OutboxEntry>();
  readonly deadLetters: string[] = [];
  readonly batches: Array<{ sentAt: string; size: number }> = [];

  fetch: typeof fetch = async (_url, init) => {
    if (this.mode === 'down') throw new TypeError('fetch failed');
    if (this.mode === 'error500') return new Response('{}', { status: 500 });
    const body = JSON.parse(String(init?.body)) as { sentAt: string; entries: OutboxEntry[] };
    this.batches.push({ sentAt: body.sentAt, size: body.entries.length });
    const results: IngestResult[] = body.entries.map((entry) => {
      if (this.stored.has(entry.uid) || this.deadLetters.includes(entry.uid))
        return { uid: entry.uid, statut: 'doublon' };
      if (entry.compteId === 666) {
        this.deadLetters.push(entry.uid);
        return { uid: entry.uid, statut: 'rejete', motif: 'compte inconnu' };
      }
      this.stored.set(entry.uid, entry);
      return { uid: entry.uid, statut: 'accepte' };
    });
    // Committed on the server, but the answer never reaches the desk.
    if (this.mode === 'dropAnswer') throw new TypeError('socket hang up');
    return Response.json({ ok: true, result: { results } });
  };
}

let dataDir: string;
let outbox: Outbox;
let server: FakeIngest;
let clock: Date;

function openOutbox(): Outbox {
  return new Outbox({ dataDir, now: () => clock });
}

function senderFor(box: Outbox, batchSize?: number): Sender {
  return new Sender({
    outbox: box,
    link: new ServerLink({ serverUrl: 'http://serveur.test/', fetch: server.fetch }),
    credential: () => 'credential-de-test',
    now: () => clock,
    random: () => 1,
    batchSize,
  });
}

function addSearches(box: Outbox, count: number, compteId = 7): string[] {
  const uids: string[] = [];
  for (let i = 0; i < count; i++) {
    box.transaction(() => {
      uids.push(box.enqueue('journal.recordSearch', compteId, { q: `recherche ${i}`, resultats: i }).uid);
    });
  }
  return uids;
}

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'infocite-outbox-'));
  clock = new Date('2026-12-03T09:00:00Z');
  outbox = openOutbox();
  server = new FakeIngest();
});

afterEach(() => {
  outbox.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the outbox', () => {
  it('keeps each entry with its desk-made id and the desk’s time, committed before add returns', () => {
    const [uid] = addSearches(outbox, 1);
    // Another connection to the same file sees it at once: it is committed, not held in memory.
    const other = openOutbox();
    try {
      expect(other.pending(10)).toEqual([
        {
          uid,
          kind: 'journal.recordSearch',
          at: clock.toISOString(),
          compteId: 7,
          payload: { q: 'recherche 0', resultats: 0 },
        },
      ]);
      expect(uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    } finally {
      other.close();
    }
  });

  it('rolls the entry back with its mirror row when the transaction fails', () => {
    expect(() =>
      outbox.transaction(() => {
        outbox.enqueue('journal.recordSearch', 7, { q: 'x', resultats: 0 });
        throw new Error('mirror failed');
      }),
    ).toThrow('mirror failed');
    expect(outbox.count()).toBe(0);
  });
});

describe('the sender', () => {
  it('sends in order, in batches, and empties the outbox', async () => {
    const uids = addSearches(outbox, 5);
    const sender = senderFor(outbox, 2);
    expect(await sender.tick()).toEqual({ kind: 'sent', count: 2 });
    expect(await sender.tick()).toEqual({ kind: 'sent', count: 2 });
    expect(await sender.tick()).toEqual({ kind: 'sent', count: 1 });
    expect(await sender.tick()).toEqual({ kind: 'idle' });
    expect([...server.stored.keys()]).toEqual(uids);
    expect(server.batches.map((batch) => batch.size)).toEqual([2, 2, 1]);
    expect(server.batches[0]?.sentAt).toBe(clock.toISOString());
    expect(outbox.count()).toBe(0);
  });

  it('backs off exponentially, capped, on network errors and 5xx, and keeps every entry', async () => {
    addSearches(outbox, 3);
    const sender = senderFor(outbox);
    server.mode = 'down';
    const waits: number[] = [];
    for (let i = 0; i < 9; i++) {
      server.mode = i % 2 === 0 ? 'down' : 'error500';
      const result = await sender.tick();
      expect(result.kind).toBe('failed');
      if (result.kind === 'failed') waits.push(result.retryInMs);
    }
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
    expect(outbox.count()).toBe(3);
    server.mode = 'up';
    expect(await sender.tick()).toEqual({ kind: 'sent', count: 3 });
    expect(server.stored.size).toBe(3);
  });

  it('draws each wait between half and the whole of its ceiling (jitter)', () => {
    expect(backoffDelay(1, () => 0)).toBe(BACKOFF.firstMs / 2);
    expect(backoffDelay(3, () => 0.5)).toBe(3_000);
    expect(backoffDelay(30, () => 0)).toBe(BACKOFF.maxMs / 2);
  });

  it('resends after a lost answer and after a restart, and the server stores each entry once', async () => {
    const uids = addSearches(outbox, 4);
    server.mode = 'dropAnswer';
    expect((await senderFor(outbox).tick()).kind).toBe('failed');
    expect(server.stored.size).toBe(4);
    expect(outbox.count()).toBe(4);
    // The desk is killed and restarted: the file still holds the entries.
    outbox.close();
    outbox = openOutbox();
    server.mode = 'up';
    expect(await senderFor(outbox).tick()).toEqual({ kind: 'sent', count: 4 });
    expect([...server.stored.keys()]).toEqual(uids);
    expect(outbox.count()).toBe(0);
  });

  it('removes the entries the server refused: they live on in its dead letters', async () => {
    addSearches(outbox, 1);
    const [refused] = addSearches(outbox, 1, 666);
    expect(await senderFor(outbox).tick()).toEqual({ kind: 'sent', count: 2 });
    expect(server.deadLetters).toEqual([refused]);
    expect(outbox.count()).toBe(0);
  });

  it('keeps the batch when the server refuses it whole (a revoked desk), and tries again later', async () => {
    addSearches(outbox, 2);
    const sender = new Sender({
      outbox,
      link: new ServerLink({
        serverUrl: 'http://serveur.test/',
        fetch: () =>
          Promise.resolve(
            Response.json({ ok: false, error: { code: 'unauthenticated', message: 'Poste révoqué.' } }),
          ),
      }),
      credential: () => 'revoque',
      now: () => clock,
      random: () => 1,
    });
    expect(await sender.tick()).toEqual({ kind: 'refused', reason: 'Poste révoqué.', retryInMs: 1_000 });
    expect(outbox.count()).toBe(2);
  });
});
