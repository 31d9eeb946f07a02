// The HTTP transport facing a network: Host and Origin checks (DNS rebinding, cross-origin pages), session ids
// renewed at login and logout (fixation), no eviction by cookie-less floods, body limits, security headers,
// and logins that neither bypass the lock nor stall the rest under concurrency. Real servers on 127.0.0.1:0.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MAX_CSV_CHARS } from '../../common/agents/methods';
import type { Core } from '../core/app';
import { testCore } from '../../dev/test-support/test-core';
import { SYSTEM_ACTOR } from '../core/audit/record';
import { insertCompte } from '../core/comptes/comptes';
import { LOCKOUT } from '../core/auth/lockout';
import * as passwords from '../core/auth/passwords';
import { TEST_COST } from '../../dev/test-support/comptes';
import { sampleContent, writeContentFolder } from '../../dev/test-support/content';
import { HTTP_RESPONSE_HEADERS } from './app-assets';
import { CLIENT_COOKIE } from './http-clients';
import { DEFAULT_BODY_LIMIT } from './http-guards';
import { startPreviewServer, type PreviewServer, type PreviewServerOptions } from './http-server';

// The real hashing, every verification counted.
vi.mock('../core/auth/passwords', async (importOriginal) => {
  const real = await importOriginal<typeof passwords>();
  return { ...real, verifySecret: vi.fn(real.verifySecret) };
});
const verifications = vi.mocked(passwords.verifySecret);

const WORKER = fileURLToPath(new URL('../core/search/index-worker.ts', import.meta.url));
const NOW = new Date('2026-11-23T09:00:00Z');

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json: () => { ok: boolean; result?: Record<string, unknown>; error?: { code: string; message: string } };
}

interface Case {
  core: Core;
  server: PreviewServer;
  port: number;
  /** An HTTP call to the server; JSON bodies get their content type. */
  call(
    method: string,
    path: string,
    options?: { body?: unknown; headers?: Record<string, string>; raw?: string | Buffer },
  ): Promise<Answer>;
  /** POST /api/METHOD with a JSON input. */
  api(method: string, input?: unknown, headers?: Record<string, string>): Promise<Answer>;
  close(): Promise<void>;
}

const roots: string[] = [];

async function startCase(options: PreviewServerOptions = {}): Promise<Case> {
  const root = mkdtempSync(join(tmpdir(), 'infocite-http-'));
  roots.push(root);
  const rendererDir = join(root, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Info’Cité</title>');
  writeFileSync(join(rendererDir, 'app.js'), 'console.log("infocite");');
  const core = await testCore({
    contentDir: writeContentFolder(sampleContent(), join(root, 'content')),
    dataDir: join(root, 'data'),
    workerFile: WORKER,
    now: () => NOW,
  });
  const server = await startPreviewServer(core, rendererDir, 0, options);
  const port = Number(new URL(server.url).port);
  const call: Case['call'] = (method, path, options = {}) =>
    new Promise((resolve, reject) => {
      const payload = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
      const headers: Record<string, string> = { host: `127.0.0.1:${port}`, ...options.headers };
      if (payload !== undefined) {
        headers['content-type'] ??= 'application/json';
        headers['content-length'] = String(Buffer.byteLength(payload));
      }
      const outgoing = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text,
            json: () => JSON.parse(text) as ReturnType<Answer['json']>,
          });
        });
        response.on('error', reject);
      });
      outgoing.on('error', reject);
      outgoing.end(payload);
    });
  return {
    core,
    server,
    port,
    call,
    api: (method, input = {}, headers = {}) => call('POST', `/api/${method}`, { body: input, headers }),
    close: async () => {
      await server.close();
      await core.close();
    },
  };
}

afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** An account; `realCost` hashes its password at the production cost (slow enough for attempts to overlap). */
async function account(
  core: Core,
  identifiant: string,
  motDePasse: string,
  realCost = false,
): Promise<number> {
  return insertCompte(
    core.store.db,
    SYSTEM_ACTOR,
    {
      identifiant,
      nom: `Nom de ${identifiant}`,
      roles: ['agent', 'gestionnaire'],
      motDePasseHash: await (realCost
        ? passwords.hashSecret(motDePasse)
        : passwords.hashSecret(motDePasse, TEST_COST)),
      pinHash: null,
      agentId: null,
    },
    NOW,
  );
}

/** The client id a Set-Cookie header gives, '' when it clears the cookie, null when there is none. */
function cookieOf(answer: Answer): string | null {
  const header = answer.headers['set-cookie']?.[0];
  if (!header) return null;
  return new RegExp(`^${CLIENT_COOKIE}=([^;]*)`).exec(header)?.[1] ?? null;
}

const withCookie = (id: string) => ({ cookie: `${CLIENT_COOKIE}=${id}` });

async function whoIs(test: Case, id: string | null): Promise<unknown> {
  const answer = await test.api('auth.session', {}, id ? withCookie(id) : {});
  return (answer.json().result?.compte as { identifiant?: string } | null)?.identifiant ?? null;
}

describe('the names and the pages the server answers', () => {
  let test: Case;
  beforeAll(async () => {
    test = await startCase();
  });
  afterAll(() => test.close());

  it('refuses another name resolving to this machine (DNS rebinding): no administrator is created', async () => {
    expect(await test.core.auth.hasAccounts()).toBe(false);
    const evil = { host: `evil.example:${test.port}` };
    const setup = await test.api(
      'auth.setup',
      { identifiant: 'pirate', nom: 'Pirate', motDePasse: 'un mot de passe long' },
      evil,
    );
    expect(setup.status).toBe(421);
    expect(setup.json()).toEqual({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/^Adresse non reconnue/) as string },
    });
    expect(await test.core.auth.hasAccounts()).toBe(false);
    expect((await test.api('auth.deskAgents', {}, evil)).status).toBe(421);
    const page = await test.call('GET', '/', { headers: evil });
    expect(page.status).toBe(421);
    expect(page.text).toMatch(/^Adresse non reconnue/);
    // Nor without a Host, nor on another port of an allowed name.
    expect((await test.call('GET', '/', { headers: { host: `127.0.0.1:${test.port + 1}` } })).status).toBe(
      421,
    );
  });

  it('answers its loopback names with the actual port', async () => {
    for (const host of ['127.0.0.1', 'localhost', '[::1]', 'LOCALHOST']) {
      const answer = await test.api('auth.session', {}, { host: `${host}:${test.port}` });
      expect(answer.status).toBe(200);
      expect(answer.json()).toMatchObject({ ok: true, result: { setupNeeded: true } });
    }
  });

  it('refuses API calls from a page of another origin', async () => {
    const input = { identifiant: 'pirate', nom: 'Pirate', motDePasse: 'un mot de passe long' };
    const pages: Array<Record<string, string>> = [
      { origin: 'http://127.0.0.1:9999' },
      { origin: 'http://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of pages) {
      const answer = await test.api('auth.setup', input, headers);
      expect(answer.status).toBe(403);
      expect(answer.json().error).toEqual({
        code: 'forbidden',
        message: "Demande refusée : elle ne vient pas des pages d'Info'Cité.",
      });
    }
    expect(await test.core.auth.hasAccounts()).toBe(false);
    const own = await test.api(
      'auth.session',
      {},
      {
        origin: `http://127.0.0.1:${test.port}`,
        'sec-fetch-site': 'same-origin',
      },
    );
    expect(own.status).toBe(200);
  });

  it('answers an oversized body with a French 413, and accepts the large inputs the schemas allow', async () => {
    const big = await test.api('auth.login', {
      identifiant: 'x',
      motDePasse: 'y'.repeat(DEFAULT_BODY_LIMIT),
    });
    expect(big.status).toBe(413);
    expect(big.json()).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'Demande trop volumineuse : au plus 64 Ko pour cette action.',
      },
    });
    // A CSV import of 5 million characters reaches the dispatcher (which asks for a session).
    const csv = `nom;prenom\r\n${'Dupont;Émilie\r\n'.repeat(Math.floor((MAX_CSV_CHARS - 20) / 15))}`;
    expect(csv.length).toBeLessThanOrEqual(MAX_CSV_CHARS);
    expect(Buffer.byteLength(JSON.stringify({ csv }))).toBeGreaterThan(5_000_000);
    const imported = await test.api('agents.importCsv', { csv, dryRun: true });
    expect(imported.status).toBe(200);
    expect(imported.json().error?.code).toBe('unauthenticated');
    // A fiche of 500,000 accented characters too.
    const saved = await test.api('redaction.validate', {
      kind: 'fiche',
      frontMatter: {},
      body: 'é'.repeat(500_000),
    });
    expect(saved.status).toBe(200);
    // Too large even for the import.
    const tooBig = await test.call('POST', '/api/agents.importCsv', {
      raw: Buffer.alloc(17 * 1024 * 1024, 32),
    });
    expect(tooBig.status).toBe(413);
    expect(tooBig.json().error?.message).toBe('Demande trop volumineuse : au plus 14 Mo pour cette action.');
  });

  it('sends the security headers with every answer', async () => {
    const answers = [
      await test.call('GET', '/'),
      await test.call('GET', '/app.js'),
      await test.call('GET', '/introuvable.js'),
      await test.call('GET', '/../../etc/passwd'),
      await test.call('DELETE', '/'),
      await test.api('auth.session'),
      await test.api('methode.inconnue'),
      await test.call('GET', '/api/auth.session'),
      await test.call('POST', '/api/auth.session', { raw: '{}', headers: { 'content-type': 'text/plain' } }),
      await test.call('POST', '/api/auth.session', { raw: '{pas du json' }),
      await test.api('auth.session', {}, { host: 'evil.example' }),
      await test.api('auth.session', {}, { origin: 'http://evil.example' }),
      await test.api('auth.login', { motDePasse: 'x'.repeat(DEFAULT_BODY_LIMIT) }),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([
      200, 200, 404, 404, 405, 200, 200, 405, 415, 400, 421, 403, 413,
    ]);
    for (const answer of answers) {
      for (const [name, value] of Object.entries(HTTP_RESPONSE_HEADERS))
        expect(answer.headers[name.toLowerCase()], name).toBe(value);
      expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    }
  });
});

describe('sessions over HTTP', () => {
  let test: Case;
  beforeAll(async () => {
    test = await startCase();
    await account(test.core, 'anne', 'mot de passe d’Anne');
    await account(test.core, 'bruno', 'mot de passe de Bruno');
  });
  afterAll(() => test.close());

  async function login(identifiant: string, motDePasse: string, cookie: string | null = null) {
    const answer = await test.api(
      'auth.login',
      { identifiant, motDePasse },
      cookie ? withCookie(cookie) : {},
    );
    expect(answer.json().ok).toBe(true);
    const id = cookieOf(answer);
    if (!id) throw new Error('no cookie after login');
    return id;
  }

  it('gives no cookie to an anonymous caller', async () => {
    expect(cookieOf(await test.api('auth.session'))).toBeNull();
    expect(cookieOf(await test.api('auth.deskAgents'))).toBeNull();
  });

  it('renews the client id at login: an id planted before the login never carries the session', async () => {
    // A page on another port of this machine shares its cookies: it can plant an id it knows.
    const planted = await login('anne', 'mot de passe d’Anne');
    expect(await whoIs(test, planted)).toBe('anne');
    const renewed = await login('bruno', 'mot de passe de Bruno', planted);
    expect(renewed).not.toBe(planted);
    expect(await whoIs(test, renewed)).toBe('bruno');
    expect(await whoIs(test, planted)).toBeNull();
  });

  it('forgets the id at logout', async () => {
    const id = await login('anne', 'mot de passe d’Anne');
    const logout = await test.api('auth.logout', {}, withCookie(id));
    expect(logout.json().ok).toBe(true);
    expect(cookieOf(logout)).toBe('');
    expect(logout.headers['set-cookie']?.[0]).toMatch(/Max-Age=0/);
    expect(await whoIs(test, id)).toBeNull();
  });

  it('keeps a logged-in client through a flood of 1,200 cookie-less requests', async () => {
    const id = await login('anne', 'mot de passe d’Anne');
    for (let batch = 0; batch < 24; batch++) {
      const answers = await Promise.all(Array.from({ length: 50 }, () => test.api('auth.session')));
      expect(answers.every((answer) => answer.status === 200)).toBe(true);
    }
    expect(await whoIs(test, id)).toBe('anne');
  });

  it('keeps the cookie HttpOnly and SameSite=Strict', async () => {
    const answer = await test.api('auth.login', {
      identifiant: 'bruno',
      motDePasse: 'mot de passe de Bruno',
    });
    expect(answer.headers['set-cookie']?.[0]).toMatch(/; HttpOnly; SameSite=Strict; Path=\/$/);
  });
});

describe('logins under concurrency over HTTP', () => {
  let test: Case;
  beforeAll(async () => {
    test = await startCase();
  });
  afterAll(() => test.close());

  it('checks at most the free failures and one more of 300 parallel wrong passwords', async () => {
    await account(test.core, 'cible', 'le bon mot de passe', true);
    verifications.mockClear();
    const answers = await Promise.all(
      Array.from({ length: 300 }, () => test.api('auth.login', { identifiant: 'cible', motDePasse: 'faux' })),
    );
    expect(answers.every((answer) => answer.json().error?.code === 'refused')).toBe(true);
    expect(verifications.mock.calls.length).toBeLessThanOrEqual(LOCKOUT.freeFailures + 1);
  });

  it('does not open a session for the right password at the end of a burst of 40', async () => {
    await account(test.core, 'autre', 'le bon mot de passe', true);
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        test.api('auth.login', {
          identifiant: 'autre',
          motDePasse: i === 39 ? 'le bon mot de passe' : 'faux',
        }),
      ),
    );
    const last = answers[39];
    expect(last?.json()).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(last && cookieOf(last)).toBeNull();
  });
});

describe('static files under a flood of logins', () => {
  let test: Case;
  beforeAll(async () => {
    test = await startCase();
    await passwords.decoyHash();
  });
  afterAll(() => test.close());

  it('answers a static file quickly while 200 logins of unknown users are in flight', async () => {
    const logins = Array.from({ length: 200 }, (_, i) =>
      test.api('auth.login', { identifiant: `inconnu-${i}`, motDePasse: 'faux' }),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    const file = await test.call('GET', '/app.js');
    const elapsed = performance.now() - started;
    expect(file.status).toBe(200);
    expect(file.text).toContain('infocite');
    expect(elapsed).toBeLessThan(2000);
    const answers = await Promise.all(logins);
    expect(answers.every((answer) => answer.json().error?.code === 'refused')).toBe(true);
  });
});

describe('configured host names', () => {
  let test: Case;
  beforeAll(async () => {
    test = await startCase({ allowedHosts: ['infocite.mairie-montrouval.fr', 'accueil:8080'] });
  });
  afterAll(() => test.close());

  it('answers the configured names only, and their pages only', async () => {
    const named = { host: `infocite.mairie-montrouval.fr:${test.port}` };
    expect((await test.api('auth.session', {}, named)).status).toBe(200);
    expect((await test.api('auth.session', {}, { host: 'accueil:8080' })).status).toBe(200);
    expect((await test.api('auth.session', {}, { host: `accueil:${test.port}` })).status).toBe(421);
    expect((await test.api('auth.session', {}, { host: `127.0.0.1:${test.port}` })).status).toBe(421);
    const origin = { ...named, origin: `http://infocite.mairie-montrouval.fr:${test.port}` };
    expect((await test.api('auth.session', {}, origin)).status).toBe(200);
    expect((await test.api('auth.session', {}, { ...named, origin: 'http://accueil:9090' })).status).toBe(
      403,
    );
  });

  it('refuses to start with a malformed name', async () => {
    await expect(
      startPreviewServer(test.core, join(roots[0] ?? '', 'renderer'), 0, { allowedHosts: ['http://x/'] }),
    ).rejects.toThrow("Nom d'hôte autorisé invalide : « http://x/ »");
  });
});
