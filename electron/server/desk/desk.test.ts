// A connected desk against a real city server (a core behind startHttpServer on 127.0.0.1, port 0): enrolment
// and its 0600 credential file, forwarding with each window's own server session, the log through the outbox
// (offline too), and the offline PIN switch with its expiry and throttling. The network is cut by the desk's
// injected fetch. `sync.desk` is answered by that fetch too while the server's handler is built elsewhere.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../../common/auth/methods';
import type { Envelope } from '../../../common/contract';
import type { DeskRelie } from '../../../common/desk/methods';
import type { JournalEntry } from '../../../common/journal/types';
import type { PosteCree } from '../../../common/postes/methods';
import type { SyncOutputs } from '../../../common/sync/methods';
import { TEST_COST, signedIn } from '../../../dev/test-support/comptes';
import { sampleContent, writeContentFolder } from '../../../dev/test-support/content';
import { insertPoint } from '../../../dev/test-support/registres';
import { createCore, type Core } from '../../core/app';
import { testCore } from '../../../dev/test-support/test-core';
import { hashSecret } from '../../core/auth/passwords';
import type { ClientSlot } from '../../core/auth/session';
import { dispatch } from '../dispatch';
import { startHttpServer, type PreviewServer } from '../http-server';
import { CREDENTIAL_FILE, fileCredentialStore } from './credential-store';
import { Desk } from './desk';

const WORKER = fileURLToPath(new URL('../../core/search/index-worker.ts', import.meta.url));
const folders: string[] = [];
let serverCore: Core;
let deskCore: Core;
let server: PreviewServer;
let desk: Desk;
let deskDir: string;
let now = new Date('2026-12-03T09:00:00Z');
let networkUp = true;
const pinsValidUntil = '2026-12-03T12:00:00Z';
let agentPinHash = '';
let agentId = 0;
const seenCredentials: Array<string | null> = [];

function folder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

/** The desk's network: cut at will; `sync.desk` answered here until the server implements it. */
const deskFetch: typeof fetch = async (url, init) => {
  if (!networkUp) throw new TypeError('fetch failed');
  const headers = new Headers(init?.headers);
  seenCredentials.push(headers.get('x-infocite-poste'));
  if (String(url).endsWith('/api/sync.desk')) {
    const answer: SyncOutputs['sync.desk'] = {
      poste: { id: 1, nom: 'Accueil 1' },
      point: { id: 1, nom: 'Mairie annexe Nord' },
      pins: [{ compteId: agentId, nom: 'Agent Hors-Ligne', pinHash: agentPinHash }],
      pinsValidUntil,
      serverTime: now.toISOString(),
    };
    return Response.json({ ok: true, result: answer });
  }
  return fetch(url, init);
};

async function call<T>(slot: ClientSlot, method: string, input: unknown = {}): Promise<T> {
  const answer = await desk.call(slot, method, input);
  if (!answer.ok) throw new Error(`${method}: ${answer.error.code} ${answer.error.message}`);
  return answer.result as T;
}

async function refusal(slot: ClientSlot, method: string, input: unknown = {}) {
  const answer: Envelope<unknown> = await desk.call(slot, method, input);
  expect(answer.ok).toBe(false);
  return (answer as { ok: false; error: { code: string; message: string; field?: string } }).error;
}

beforeAll(async () => {
  const content = writeContentFolder(sampleContent());
  folders.push(content);
  serverCore = await testCore({
    contentDir: content,
    dataDir: folder('infocite-city-'),
    workerFile: WORKER,
    now: () => now,
  });
  server = await startHttpServer(serverCore, { port: 0 });
  deskDir = folder('infocite-desk-');
  deskCore = await createCore({
    contentDir: content,
    dataDir: join(deskDir, 'core'),
    workerFile: WORKER,
    now: () => now,
  });
  await deskCore.search.ready();
  desk = new Desk({
    serverUrl: server.url,
    dataDir: deskDir,
    contentDir: content,
    core: deskCore,
    credentials: fileCredentialStore(deskDir),
    fetch: deskFetch,
    now: () => now,
    timeoutMs: 5_000,
  });
  agentPinHash = await hashSecret('4821', TEST_COST);
});

afterAll(async () => {
  await desk.close();
  await server.close();
  await Promise.all([serverCore.close(), deskCore.close()]);
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe('a connected desk', () => {
  it('asks for its enrolment code first, refuses a wrong one beside the field, and keeps its credential 0600', async () => {
    const window: ClientSlot = { token: null };
    expect(await call<DeskRelie>(window, 'desk.status')).toMatchObject({ mode: 'relie', inscrit: false });
    expect(await refusal(window, 'auth.session')).toMatchObject({ code: 'unavailable' });
    expect(await refusal(window, 'desk.enrol', { code: 'abc' })).toMatchObject({ field: 'code' });
    expect(await refusal(window, 'desk.enrol', { code: 'AAAA-BBBB-CCCC' })).toMatchObject({
      code: 'refused',
      field: 'code',
    });

    const admin = await signedIn(serverCore, ['administrateur']);
    const pointId = await insertPoint(serverCore.store.db, { nom: 'Mairie annexe Nord' });
    const created = await dispatch(serverCore, admin, 'postes.create', { nom: 'Accueil 1', pointId });
    const { code } = (created as { ok: true; result: PosteCree }).result;
    const status = await call<DeskRelie>(window, 'desk.enrol', { code });
    expect(status).toMatchObject({
      inscrit: true,
      poste: { nom: 'Accueil 1' },
      point: { nom: 'Mairie annexe Nord' },
    });
    expect(statSync(join(deskDir, CREDENTIAL_FILE)).mode & 0o777).toBe(0o600);
    expect(fileCredentialStore(deskDir).load()?.credential).toMatch(/.{20,}/);
  });

  it('forwards other calls with the desk’s credential, keeping each window’s server session apart', async () => {
    await signedIn(serverCore, ['administrateur'], {
      identifiant: 'chef',
      motDePasse: 'mot de passe du chef',
    });
    const agent = await signedIn(serverCore, ['agent'], {
      identifiant: 'camille',
      motDePasse: 'mot de passe agent',
    });
    agentId = agent.compteId;
    const first: ClientSlot = { token: null };
    const second: ClientSlot = { token: null };
    const chef = await call<SessionInfo>(first, 'auth.login', {
      identifiant: 'chef',
      motDePasse: 'mot de passe du chef',
    });
    await call(second, 'auth.login', { identifiant: 'camille', motDePasse: 'mot de passe agent' });
    expect(chef.installation).toMatchObject({ nom: 'Mairie annexe Nord' });
    expect(first.token).not.toBeNull();
    expect(first.token).not.toBe(second.token);
    expect((await call<SessionInfo>(first, 'auth.session')).compte?.identifiant).toBe('chef');
    expect((await call<SessionInfo>(second, 'auth.session')).compte?.identifiant).toBe('camille');
    // The server enforces the roles of each window's own session.
    await call(first, 'comptes.list');
    expect(await refusal(second, 'comptes.list')).toMatchObject({ code: 'forbidden' });
    expect(seenCredentials.at(-1)).toBe(fileCredentialStore(deskDir).load()?.credential);
    // Knowledge reads come from the desk's own copy.
    const found = await call<{ results: Array<{ id: string }> }>(second, 'search.query', { q: 'passeport' });
    expect(found.results[0]?.id).toBe('passeport');
    await call(first, 'auth.logout');
    expect((await call<SessionInfo>(first, 'auth.session')).compte).toBeNull();
    expect((await call<SessionInfo>(second, 'auth.session')).compte?.identifiant).toBe('camille');
  });

  it('serves its window over HTTP with its own cookie, the server’s session staying in the desk process', async () => {
    const front = await startHttpServer(deskCore, {
      port: 0,
      desk: {
        answer: (slot, method, input, { source }) => desk.call(slot, method, input, source),
        tokens: desk.tokens,
      },
    });
    try {
      const post = (method: string, body: unknown, cookie = '') =>
        fetch(`${front.url}api/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify(body),
        });
      const login = await post('auth.login', { identifiant: 'camille', motDePasse: 'mot de passe agent' });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      expect(cookie).toMatch(/^infocite_client=.{20,}/);
      const session = (await (await post('auth.session', {}, cookie)).json()) as Envelope<SessionInfo>;
      expect(session).toMatchObject({ ok: true, result: { compte: { identifiant: 'camille' } } });
      // The page's cookie opens nothing on the server itself.
      const direct = await fetch(`${server.url}api/auth.session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: '{}',
      });
      expect((await direct.json()) as Envelope<SessionInfo>).toMatchObject({
        ok: true,
        result: { compte: null },
      });
    } finally {
      await front.close();
    }
  });

  it('logs through the outbox, online or not, and corrects by the local id', async () => {
    const window: ClientSlot = { token: null };
    await call(window, 'auth.login', { identifiant: 'camille', motDePasse: 'mot de passe agent' });
    const before = desk.outbox.count();
    const search = await call<{ id: number }>(window, 'journal.recordSearch', {
      q: 'passeport',
      resultats: 1,
    });
    const entry = await call<JournalEntry>(window, 'journal.record', {
      issue: 'repondu',
      fiches: ['passeport'],
      rechercheIds: [search.id],
    });
    expect(entry).toMatchObject({
      compteId: agentId,
      jour: '2026-12-03',
      theme: 'identite',
      fiches: ['passeport'],
    });
    expect(desk.outbox.count()).toBe(before + 2);
    const [, recorded] = desk.outbox.pending(1000).slice(-2);
    expect(recorded).toMatchObject({ kind: 'journal.record', compteId: agentId, at: now.toISOString() });
    expect(recorded?.payload).toMatchObject({ rechercheUids: [expect.any(String)] });

    networkUp = false;
    expect(await refusal(window, 'comptes.list')).toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/^Serveur injoignable/),
    });
    const corrected = await call<JournalEntry>(window, 'journal.update', {
      id: entry.id,
      issue: 'non_resolu',
      canal: 'telephone',
      motif: 'hors_competence',
    });
    expect(corrected).toMatchObject({
      id: entry.id,
      issue: 'non_resolu',
      canal: 'telephone',
      theme: 'identite',
    });
    expect((await call<{ entries: JournalEntry[] }>(window, 'journal.mine')).entries).toEqual([corrected]);
    expect(desk.outbox.pending(1000).at(-1)).toMatchObject({
      kind: 'journal.update',
      payload: { entreeUid: recorded?.uid, issue: 'non_resolu', motif: 'hors_competence' },
    });
    await call(window, 'journal.cancel', { id: entry.id });
    expect(await refusal(window, 'journal.cancel', { id: entry.id })).toMatchObject({ code: 'not_found' });
    expect((await call<{ entries: JournalEntry[] }>(window, 'journal.mine')).entries).toEqual([]);
    expect(desk.outbox.pending(1000).at(-1)).toMatchObject({
      kind: 'journal.cancel',
      payload: { entreeUid: recorded?.uid },
    });
    // A wrong code is refused before anything is committed, with the core's message.
    expect(await refusal(window, 'journal.record', { issue: 'repondu', fiches: ['inconnue'] })).toMatchObject(
      { code: 'refused' },
    );
    expect(await call<DeskRelie>(window, 'desk.status')).toMatchObject({ enLigne: false });
    networkUp = true;
  });

  it('switches agents by PIN offline with the cached hashes, agent role only, until they expire', async () => {
    networkUp = true;
    await desk.refreshDesk(true);
    networkUp = false;
    const window: ClientSlot = { token: null };
    expect(await call(window, 'auth.deskAgents')).toEqual({
      point: { id: 1, nom: 'Mairie annexe Nord' },
      agents: [{ compteId: agentId, nom: 'Agent Hors-Ligne' }],
    });
    expect(await refusal(window, 'auth.pinLogin', { compteId: agentId, pin: '0000' })).toMatchObject({
      message: 'Code PIN incorrect.',
    });
    const info = await call<SessionInfo>(window, 'auth.pinLogin', { compteId: agentId, pin: '4821' });
    expect(info.compte).toMatchObject({ id: agentId, roles: ['agent'], via: 'pin' });
    expect((await call<SessionInfo>(window, 'auth.session')).compte?.id).toBe(agentId);
    await call(window, 'journal.record', { issue: 'repondu', fiches: [] });
    expect(await refusal(window, 'comptes.list')).toMatchObject({
      message: expect.stringMatching(/^Hors ligne/),
    });
    networkUp = true;
    expect(await refusal(window, 'indicateurs.dashboard', {})).toMatchObject({
      message: expect.stringMatching(/^Hors ligne/),
    });
    networkUp = false;

    // Wrong PINs are throttled: after the free ones, a wait.
    const other: ClientSlot = { token: null };
    for (let i = 0; i < 2; i++) await refusal(other, 'auth.pinLogin', { compteId: agentId, pin: '1111' });
    const slowed = await refusal(other, 'auth.pinLogin', { compteId: agentId, pin: '1111' });
    expect(slowed).toMatchObject({ code: 'refused', retryAfter: expect.any(Number) });
    expect(await refusal(other, 'auth.pinLogin', { compteId: agentId, pin: '4821' })).toMatchObject({
      message: expect.stringMatching(/patientez/),
    });

    now = new Date('2026-12-03T12:00:01Z');
    expect(pinsValidUntil < now.toISOString()).toBe(true);
    expect(await call(other, 'auth.deskAgents')).toMatchObject({ agents: [] });
    expect(await refusal(other, 'auth.pinLogin', { compteId: agentId, pin: '4821' })).toMatchObject({
      message: expect.stringMatching(/expiré/),
    });
    now = new Date('2026-12-03T09:00:00Z');
    networkUp = true;
  });
});
