// One city server and three connected desks on loopback, with a fault proxy between them: the network refused,
// then a black hole, then back with the first batch's answer lost after the server committed it; two desks
// logging offline (with corrections, cancellations and a PIN switch), one of them dropped mid-way and restarted
// on its files (a real SIGKILL of a desk process: outbox-crash.test.ts), one with a clock two days off. Then
// every confirmed entry is on the server exactly once, on the day it was made; the running counts equal the
// rows; no outbox and no dead letter holds anything; a replayed outbox changes nothing; and three desks sending
// at once give each point its own count.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../common/contract';
import { parisDay } from '../../../common/dates';
import type { JournalEntry } from '../../../common/journal/types';
import type { PosteCree } from '../../../common/postes/methods';
import type { OutboxEntry, SyncOutputs } from '../../../common/sync/methods';
import { signedIn } from '../../../dev/test-support/comptes';
import { sampleContent, writeContentFolder } from '../../../dev/test-support/content';
import { agentAt, serverCore } from '../../../dev/test-support/desks';
import { startFaultProxy, type FaultProxy } from '../../../dev/test-support/fault-proxy';
import { insertPoint } from '../../../dev/test-support/registres';
import { createCore, type Core } from '../../core/app';
import { sql } from '../../core/store/db';
import type { ClientSlot } from '../../core/auth/session';
import { dispatch } from '../dispatch';
import { startHttpServer, type PreviewServer } from '../http-server';
import { fileCredentialStore } from './credential-store';
import { Desk } from './desk';

const WORKER = fileURLToPath(new URL('../../core/search/index-worker.ts', import.meta.url));
const DAY_MS = 86_400_000;

/** The real time; each desk reads it through its own clock, possibly off. 22:00 in Paris: midnight comes. */
const clock = { now: new Date('2026-12-03T21:00:00Z') };
const tick = (minutes = 1) => (clock.now = new Date(clock.now.getTime() + minutes * 60_000));

let server: Core;
let http: PreviewServer;
let proxy: FaultProxy;
const cores: Core[] = [];
const desks: Desk[] = [];

interface DeskSetup {
  dir: string;
  core: Core;
  offsetMs: number;
}

/** A desk (its data folder, its local core on its own copy of the content, its clock) enrolled with `code`. */
async function openDesk(setup: DeskSetup): Promise<Desk> {
  const desk = new Desk({
    serverUrl: proxy.url,
    dataDir: setup.dir,
    contentDir: setup.core.options.contentDir,
    core: setup.core,
    credentials: fileCredentialStore(setup.dir),
    now: () => new Date(clock.now.getTime() + setup.offsetMs),
    timeoutMs: 2_000,
  });
  desks.push(desk);
  return desk;
}

async function newDesk(
  nom: string,
  pointId: number,
  offsetMs = 0,
): Promise<{ desk: Desk; setup: DeskSetup }> {
  const root = mkdtempSync(join(tmpdir(), 'infocite-desk-'));
  const core = await createCore({
    contentDir: writeContentFolder(sampleContent(), join(root, 'contenu')),
    dataDir: join(root, 'core'),
    workerFile: WORKER,
    now: () => new Date(clock.now.getTime() + offsetMs),
  });
  cores.push(core);
  await core.search.ready();
  const setup = { dir: root, core, offsetMs };
  const desk = await openDesk(setup);
  const admin = await signedIn(server, ['administrateur']);
  const created = (await dispatch(server, admin, 'postes.create', { nom, pointId })) as Envelope<PosteCree>;
  if (!created.ok) throw new Error(created.error.message);
  await ok(desk, { token: null }, 'desk.enrol', { code: created.result.code });
  return { desk, setup };
}

async function ok<T>(desk: Desk, slot: ClientSlot, method: string, input: unknown = {}): Promise<T> {
  const answer = await desk.call(slot, method, input);
  if (!answer.ok) throw new Error(`${method}: ${answer.error.code} ${answer.error.message}`);
  return answer.result as T;
}

/** Sends a desk's outbox until it is empty (or gives up after a few failures). */
async function drain(desk: Desk): Promise<void> {
  for (let attempt = 0; attempt < 20 && desk.outbox.count() > 0; attempt++) await desk.sender.tick();
}

async function serverRows(uids: readonly string[]): Promise<Map<string, string>> {
  if (uids.length === 0) return new Map();
  const rows = await server.store.db.all<{ uid: string; jour: string }>(
    sql`SELECT uid, jour FROM journal WHERE uid IN (${sql.join([...uids])})`,
  );
  return new Map(rows.map((row) => [row.uid, row.jour]));
}

async function countsEqualRows(): Promise<void> {
  const db = server.store.db;
  const rows = await db.all(
    sql`SELECT point_id AS p, count(*) AS n FROM journal GROUP BY point_id ORDER BY 1`,
  );
  const counted = await db.all(
    sql`SELECT point_id AS p, sum(nombre) AS n FROM indicateurs_jour GROUP BY point_id HAVING sum(nombre) > 0
        ORDER BY 1`,
  );
  expect(counted).toEqual(rows);
}

/** Rows of the log, and how many were corrected to « rendez-vous ». */
function rendezVous(): Promise<unknown> {
  return server.store.db.one(
    sql`SELECT count(*) AS n, sum(CASE WHEN issue = 'rendez_vous' THEN 1 ELSE 0 END) AS r FROM journal`,
  );
}

beforeAll(async () => {
  server = await serverCore(clock);
  http = await startHttpServer(server, { port: 0 });
  proxy = await startFaultProxy(http.url);
}, 60_000);

afterAll(async () => {
  for (const desk of desks) await desk.close().catch(() => undefined);
  await proxy.close();
  await http.close();
  await Promise.all([server.close(), ...cores.map((core) => core.close())]);
});

describe('three desks, a network that fails, and nothing lost', () => {
  it('lands every confirmed entry once, on its day, whatever the network and the desks’ clocks did', async () => {
    const nord = await insertPoint(server.store.db, { nom: 'Mairie annexe Nord' });
    const sud = await insertPoint(server.store.db, { nom: 'Mairie annexe Sud' });
    const lea = await agentAt(server, nord, { pin: '4821' });
    const marc = await agentAt(server, nord, { pin: '7310' });
    const ines = await agentAt(server, sud, { pin: '5502' });

    const one = await newDesk('Nord 1', nord);
    // Its clock two days behind: its entries must still land on the day they were made.
    const two = await newDesk('Nord 2', nord, -2 * DAY_MS);
    const three = await newDesk('Sud 1', sud);
    const windowOne: ClientSlot = { token: null };
    const windowTwo: ClientSlot = { token: null };
    const windowThree: ClientSlot = { token: null };
    await ok(one.desk, windowOne, 'auth.pinLogin', { compteId: lea.compteId, pin: '4821' });
    await ok(two.desk, windowTwo, 'auth.pinLogin', { compteId: marc.compteId, pin: '7310' });
    await ok(three.desk, windowThree, 'auth.pinLogin', { compteId: ines.compteId, pin: '5502' });
    for (const { desk } of [one, two, three]) await desk.refreshDesk(true);

    // Online: one contact, sent at once.
    await ok(one.desk, windowOne, 'journal.record', { issue: 'repondu', fiches: [] });
    await drain(one.desk);
    expect(one.desk.outbox.count()).toBe(0);
    expect(await server.store.db.one(sql`SELECT count(*) AS n FROM journal`)).toEqual({ n: 1 });

    // The network goes: every call is refused.
    proxy.setMode('refuser');
    /** uid → the Paris day the contact was really made; cancelled ones are expected nowhere. */
    const expected = new Map<string, string>();
    const cancelled = new Set<string>();
    const corrected = new Map<string, string>();
    /** The uid of the entry just committed: the oldest record in the outbox not yet seen (they are in order). */
    const uidOf = (desk: Desk) =>
      desk.outbox.pending(10_000).find((e) => e.kind === 'journal.record' && !expected.has(e.uid))?.uid ?? '';
    const logAt = async (desk: Desk, slot: ClientSlot, i: number) => {
      const entry = await ok<JournalEntry>(desk, slot, 'journal.record', {
        issue: i % 5 === 0 ? 'transmis' : 'repondu',
        fiches: [],
      });
      const uid = uidOf(desk);
      expected.set(uid, parisDay(clock.now));
      if (i % 10 === 3) {
        await ok(desk, slot, 'journal.update', { id: entry.id, issue: 'rendez_vous', canal: 'telephone' });
        corrected.set(uid, 'rendez_vous');
      }
      if (i % 10 === 7) {
        await ok(desk, slot, 'journal.cancel', { id: entry.id });
        cancelled.add(uid);
      }
      tick();
    };

    let twoDesk = two.desk;
    for (let i = 0; i < 100; i++) {
      await logAt(one.desk, windowOne, i);
      if (i === 40) {
        // At desk two, Marc hands over to Léa with her PIN, checked offline against the cached hashes.
        const agents = await ok<{ agents: Array<{ compteId: number }> }>(
          twoDesk,
          windowTwo,
          'auth.deskAgents',
        );
        expect(agents.agents.map((a) => a.compteId).sort()).toEqual([lea.compteId, marc.compteId].sort());
        await ok(twoDesk, windowTwo, 'auth.pinLogin', { compteId: lea.compteId, pin: '4821' });
      }
      if (i === 60) {
        // Desk two is killed (nothing closed, nothing flushed) and started again on its files; the agent's
        // offline session is gone with the process, so she switches in again by PIN.
        twoDesk = await openDesk(two.setup);
        await ok(twoDesk, windowTwo, 'auth.pinLogin', { compteId: lea.compteId, pin: '4821' });
      }
      await logAt(twoDesk, windowTwo, i);
    }
    for (let i = 0; i < 30; i++) await logAt(three.desk, windowThree, i);
    const waiting = [one.desk, twoDesk, three.desk].map((desk) => desk.outbox.count());
    expect(waiting.every((n) => n > 0)).toBe(true);
    // A send while the network is down fails and keeps everything; the window then reads « hors ligne ».
    expect(await one.desk.sender.tick()).toMatchObject({ kind: 'failed' });
    expect(await ok(one.desk, windowOne, 'desk.status')).toMatchObject({
      enLigne: false,
      enAttente: waiting[0],
    });
    const savedOutbox: OutboxEntry[] = one.desk.outbox.pending(10_000);
    // A network that swallows requests without an answer: the send gives up at its timeout, keeping everything.
    proxy.setMode('trou-noir');
    expect(await three.desk.sender.tick()).toMatchObject({ kind: 'failed' });
    expect(three.desk.outbox.count()).toBe(waiting[2]);

    // The network comes back; the first batch's answer is lost after the server committed it. The three desks
    // send at once.
    tick(600);
    proxy.setMode('passer');
    proxy.dropResponses('/api/sync.ingest', 1);
    await Promise.all([one.desk, twoDesk, three.desk].map((desk) => drain(desk)));
    expect(proxy.dropped).toBe(1);
    expect([one.desk, twoDesk, three.desk].map((desk) => desk.outbox.count())).toEqual([0, 0, 0]);

    // Every confirmed entry exactly once (the uid is unique on the server), on the day it was made.
    const landed = await serverRows([...expected.keys()]);
    for (const [uid, day] of expected) {
      if (cancelled.has(uid)) expect(landed.has(uid), `cancelled ${uid}`).toBe(false);
      else expect(landed.get(uid), `entry ${uid}`).toBe(day);
    }
    expect(new Set(expected.values())).toEqual(new Set(['2026-12-03', '2026-12-04']));
    for (const [uid, issue] of corrected) {
      if (cancelled.has(uid)) continue;
      expect(await server.store.db.one(sql`SELECT issue FROM journal WHERE uid = ${uid}`)).toEqual({ issue });
    }
    const db = server.store.db;
    expect(await db.one(sql`SELECT count(*) AS n FROM sync_rejets`)).toEqual({ n: 0 });
    // Per point: the online entry and desks one and two at Nord, desk three at Sud.
    const live = (prefix: number) =>
      [...expected.keys()].filter((uid) => !cancelled.has(uid)).length + prefix;
    expect(await db.one(sql`SELECT count(*) AS n FROM journal`)).toEqual({ n: live(1) });
    const sudRows = (await db.one(sql`SELECT count(*) AS n FROM journal WHERE point_id = ${sud}`)) as {
      n: number;
    };
    expect(sudRows.n).toBe(30 - 3); // i % 10 === 7 cancels 3 of 30
    await countsEqualRows();

    // Replaying a saved outbox changes nothing.
    const before = await rendezVous();
    const credential = fileCredentialStore(one.setup.dir).load()?.credential ?? '';
    const replay = await one.desk.link.call(
      'sync.ingest',
      { sentAt: clock.now.toISOString(), entries: savedOutbox },
      credential,
    );
    expect(replay.envelope.ok).toBe(true);
    const results = (replay.envelope as { ok: true; result: SyncOutputs['sync.ingest'] }).result.results;
    expect(results.every((result) => result.statut === 'doublon')).toBe(true);
    expect(await rendezVous()).toEqual(before);
    await countsEqualRows();
  }, 120_000);
});
