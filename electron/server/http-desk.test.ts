// A city desk's calls over the real HTTP transport (127.0.0.1, port 0): its credential header makes it known to
// the call (its point, access « poste »), a credential revoked or replaced is refused with what to do, and the
// API version header is checked: the previous version is served, an older desk and a desk newer than the server
// are told in French which side to update.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_VERSION, API_VERSION_HEADER, OLDEST_API_VERSION, POSTE_HEADER } from '../../common/sync/methods';
import type { DeskAgentFixture } from '../../dev/test-support/desks';
import { agentAt, outboxItem, pointWithDesk, serverCore } from '../../dev/test-support/desks';
import { SYSTEM_ACTOR } from '../core/audit/record';
import type { Core } from '../core/app';
import type { CallingDesk } from '../core/points/call-point';
import { revokePoste, SEEN_EVERY_MS } from '../core/postes/postes';
import { sql } from '../core/store/db';
import { startHttpServer, type PreviewServer } from './http-server';
import { versionRefusal } from './http-desk';

const START = new Date('2026-12-03T09:00:00Z');
const clock = { now: START };

let core: Core;
let server: PreviewServer;
let desk: CallingDesk;
let credential: string;
let agent: DeskAgentFixture;

beforeAll(async () => {
  core = await serverCore(clock);
  ({ desk, credential } = await pointWithDesk(core, 'Mairie annexe Nord'));
  agent = await agentAt(core, desk.pointId);
  await core.store.db.run(sql`UPDATE comptes SET identifiant = 'agent.nord' WHERE id = ${agent.compteId}`);
  server = await startHttpServer(core, { port: 0 });
});

afterAll(async () => {
  await server.close();
  await core.close();
});

interface Answer {
  status: number;
  body: { ok: boolean; result?: Record<string, unknown>; error?: { code: string; message: string } };
  cookie: string | null;
}

async function post(method: string, input: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(new URL(`api/${method}`, server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(input),
  });
  return {
    status: response.status,
    body: (await response.json()) as Answer['body'],
    cookie: response.headers.get('set-cookie'),
  };
}

const asDesk = (extra: Record<string, string> = {}) => ({
  [POSTE_HEADER]: credential,
  [API_VERSION_HEADER]: String(API_VERSION),
  ...extra,
});

describe('a desk over HTTP', () => {
  it('is known by its credential: its point and access « poste »', async () => {
    const state = await post('sync.desk', {}, asDesk());
    expect(state).toMatchObject({
      status: 200,
      body: { ok: true, result: { poste: { id: desk.id }, point: { id: desk.pointId, nom: desk.pointNom } } },
    });
    // The same call from a page of the server (no desk header) is refused.
    expect(await post('sync.desk', {})).toMatchObject({
      status: 200,
      body: { ok: false, error: { code: 'forbidden' } },
    });
  });

  it('logs a contact of the user’s session at the desk’s point, through the outbox too', async () => {
    // The shared hashing helper's test password.
    const login = await post(
      'auth.login',
      { identifiant: 'agent.nord', motDePasse: 'mot de passe de test' },
      asDesk(),
    );
    expect(login.body).toMatchObject({ ok: true, result: { installation: { pointId: desk.pointId } } });
    const cookie = (login.cookie ?? '').split(';')[0] ?? '';
    const logged = await post('journal.record', { issue: 'repondu', fiches: [] }, asDesk({ cookie }));
    expect(logged.body).toMatchObject({ ok: true, result: { pointId: desk.pointId } });

    const entry = outboxItem(
      'journal.record',
      agent.compteId,
      { issue: 'repondu', fiches: [] },
      { at: START },
    );
    const batch = { sentAt: START.toISOString(), entries: [entry] };
    expect((await post('sync.ingest', batch, asDesk())).body).toEqual({
      ok: true,
      result: { results: [{ uid: entry.uid, statut: 'accepte' }] },
    });
    expect((await post('sync.ingest', batch, asDesk())).body).toEqual({
      ok: true,
      result: { results: [{ uid: entry.uid, statut: 'doublon' }] },
    });
  });

  it('notes when the desk was last seen, at most once a minute', async () => {
    const seen = () =>
      core.store.db.value<string | null>(sql`SELECT vu_le FROM postes WHERE id = ${desk.id}`);
    clock.now = new Date(START.getTime() + 10 * SEEN_EVERY_MS);
    await post('sync.desk', {}, asDesk());
    const first = await seen();
    expect(first).toBe(clock.now.toISOString());
    clock.now = new Date(clock.now.getTime() + SEEN_EVERY_MS / 2);
    await post('sync.desk', {}, asDesk());
    expect(await seen()).toBe(first);
    clock.now = new Date(clock.now.getTime() + SEEN_EVERY_MS);
    await post('sync.desk', {}, asDesk());
    expect(await seen()).toBe(clock.now.toISOString());
    clock.now = START;
  });

  it('is refused with what to do when its credential is unknown or revoked', async () => {
    for (const wrong of ['pas-un-identifiant', 'x'.repeat(43)]) {
      const answer = await post('sync.desk', {}, asDesk({ [POSTE_HEADER]: wrong }));
      expect(answer.status).toBe(401);
      expect(answer.body.error).toMatchObject({ code: 'unauthenticated' });
      expect(answer.body.error?.message).toMatch(/administrateur de l'inscrire à nouveau/);
    }
    const other = await pointWithDesk(core, 'Mairie annexe Sud');
    expect((await post('sync.desk', {}, asDesk({ [POSTE_HEADER]: other.credential }))).status).toBe(200);
    await revokePoste(core.store.db, SYSTEM_ACTOR, other.desk.id, core.now());
    // Any method, not only the desks' own: a revoked desk reaches nothing.
    for (const method of ['sync.desk', 'auth.session', 'search.query']) {
      const answer = await post(method, { q: 'passeport' }, asDesk({ [POSTE_HEADER]: other.credential }));
      expect(answer).toMatchObject({ status: 401, body: { ok: false, error: { code: 'unauthenticated' } } });
    }
  });

  it('is served at this version and the previous one, and told which side to update otherwise', async () => {
    for (const version of [API_VERSION, OLDEST_API_VERSION]) {
      const answer = await post('sync.desk', {}, asDesk({ [API_VERSION_HEADER]: String(version) }));
      expect(answer.status).toBe(200);
    }
    const old = await post('sync.desk', {}, asDesk({ [API_VERSION_HEADER]: String(OLDEST_API_VERSION - 1) }));
    expect(old.status).toBe(426);
    expect(old.body.error?.code).toBe('outdated');
    expect(old.body.error?.message).toContain(
      `trop ancienne (version d'API ${OLDEST_API_VERSION - 1}) : le serveur de la ville accepte les versions ${OLDEST_API_VERSION} à ${API_VERSION}`,
    );
    expect(old.body.error?.message).toContain('Faites mettre à jour');
    const newer = await post('sync.desk', {}, asDesk({ [API_VERSION_HEADER]: String(API_VERSION + 1) }));
    expect(newer.status).toBe(501);
    expect(newer.body.error?.code).toBe('outdated');
    expect(newer.body.error?.message).toMatch(/le serveur doit être mis à jour d'abord/);
    const garbled = await post('sync.desk', {}, asDesk({ [API_VERSION_HEADER]: 'deux' }));
    expect(garbled).toMatchObject({ status: 400, body: { error: { code: 'invalid_input' } } });
    // The server's own pages send no version: not checked.
    expect(await post('auth.session', {})).toMatchObject({ status: 200, body: { ok: true } });
  });
});

describe('versionRefusal', () => {
  it('lets a call without a version header pass', () => {
    expect(versionRefusal(undefined)).toBeNull();
    expect(versionRefusal(` ${API_VERSION} `)).toBeNull();
    expect(versionRefusal('0')?.status).toBe(426);
  });
});
