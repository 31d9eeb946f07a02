// The kiosk over HTTP: /borne serves the renderer's entry (never cached), and /borne/api/METHOD is the kiosk's
// only way in — marked as a kiosk by the path the server routes, it ignores any session cookie and sets none.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../core/app';
import { testCore } from '../../dev/test-support/test-core';
import { SYSTEM_ACTOR } from '../core/audit/record';
import { insertCompte } from '../core/comptes/comptes';
import { hashSecret } from '../core/auth/passwords';
import { TEST_COST } from '../../dev/test-support/comptes';
import { sampleContent, writeContentFolder } from '../../dev/test-support/content';
import { KIOSK_REFUSAL } from '../../common/borne/methods';
import { CLIENT_COOKIE } from './http-clients';
import { startPreviewServer, type PreviewServer } from './http-server';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

let root: string;
let core: Core;
let server: PreviewServer;
let port: number;

function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  return new Promise<Answer>((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const all: Record<string, string> = { host: `127.0.0.1:${port}`, ...headers };
    if (payload !== undefined) {
      all['content-type'] = 'application/json';
      all['content-length'] = String(Buffer.byteLength(payload));
    }
    const outgoing = httpRequest({ host: '127.0.0.1', port, method, path, headers: all }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'infocite-borne-'));
  const rendererDir = join(root, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Info’Cité</title>');
  core = await testCore({
    contentDir: writeContentFolder(sampleContent(), join(root, 'content')),
    dataDir: join(root, 'data'),
    workerFile: fileURLToPath(new URL('../core/search/index-worker.ts', import.meta.url)),
    now: () => new Date('2026-11-23T09:00:00Z'),
  });
  await core.search.ready();
  await insertCompte(
    core.store.db,
    SYSTEM_ACTOR,
    {
      identifiant: 'admin',
      nom: 'Camille Admin',
      roles: ['administrateur'],
      motDePasseHash: await hashSecret('mot de passe admin', TEST_COST),
      pinHash: null,
      agentId: null,
    },
    new Date(),
  );
  server = await startPreviewServer(core, rendererDir, 0);
  port = Number(new URL(server.url).port);
});

afterAll(async () => {
  await server.close();
  await core.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the kiosk over HTTP', () => {
  it('serves the renderer’s entry at /borne, never cached, and sends /borne/ back to it', async () => {
    const page = await call('GET', '/borne');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<title>');
    expect(page.headers['cache-control']).toBe('no-store');
    const slash = await call('GET', '/borne/');
    expect(slash.status).toBe(308);
    expect(slash.headers.location).toBe('/borne');
  });

  it('answers its methods with no session and sets no cookie', async () => {
    const answer = await call('POST', '/borne/api/borne.search', { q: 'passeport' });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({ ok: true });
    expect(answer.headers['set-cookie']).toBeUndefined();
  });

  it('refuses everything else even with an administrator’s cookie, which stays valid for /api', async () => {
    const login = await call('POST', '/api/auth.login', {
      identifiant: 'admin',
      motDePasse: 'mot de passe admin',
    });
    const cookie = /^([^;]+)/.exec(login.headers['set-cookie']?.[0] ?? '')?.[1] ?? '';
    expect(cookie.startsWith(`${CLIENT_COOKIE}=`)).toBe(true);
    for (const method of ['comptes.list', 'auth.session', 'fiches.get', 'auth.logout']) {
      const refused = await call('POST', `/borne/api/${method}`, { id: 'passeport' }, { cookie });
      expect(JSON.parse(refused.text), method).toEqual({
        ok: false,
        error: { code: 'forbidden', message: KIOSK_REFUSAL },
      });
      expect(refused.headers['set-cookie']).toBeUndefined();
    }
    const desk = await call('POST', '/api/auth.session', {}, { cookie });
    expect(JSON.parse(desk.text)).toMatchObject({ ok: true, result: { compte: { identifiant: 'admin' } } });
  });

  it('keeps the API’s guards: another origin is refused', async () => {
    const answer = await call(
      'POST',
      '/borne/api/borne.accueil',
      {},
      { origin: 'http://ailleurs.example', 'sec-fetch-site': 'cross-site' },
    );
    expect(answer.status).toBe(403);
  });
});
