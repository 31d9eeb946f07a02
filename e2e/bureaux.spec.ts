// Across desks: a city server and two connected desks (desk previews), each enrolled through its window with a
// code an administrator created. An editor saves a fiche at desk A; an agent finds it at desk B within 10 s —
// the server is the content's only writer and every desk mirrors it (electron/server/desk/content-mirror.ts).
// Everything runs on loopback, in one temporary folder removed at the end.
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { expect, request as playwrightRequest, test } from '@playwright/test';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEMO_CONTENT = join(PROJECT_ROOT, 'content');
// Beside the main e2e server's port (E2E_PORT), so parallel runs with different E2E_PORT do not clash.
const BASE_PORT = Number(process.env.E2E_PORT ?? 4791);
const SERVER_PORT = BASE_PORT + 10;
const DESK_A_PORT = BASE_PORT + 11;
const DESK_B_PORT = BASE_PORT + 12;

// Test data only: these accounts exist nowhere but in this test's throw-away server.
const ADMIN = {
  identifiant: 'admin-ville',
  nom: 'Adèle Administratrice',
  motDePasse: 'admin-bureaux-secret',
};
const EDITOR = {
  identifiant: 'redac-ville',
  nom: 'Rémi Rédacteur',
  motDePasse: 'redac-bureaux-secret',
};
const AGENT = { identifiant: 'agent-ville', nom: 'Agathe Accueil', motDePasse: 'agent-bureaux-secret' };

interface Envelope<T> {
  ok: boolean;
  result: T;
  error?: { code: string; message: string };
}

/** One API call through a request context (its own cookie, so its own session); fails the test if refused. */
async function call<T>(context: APIRequestContext, method: string, input: unknown = {}): Promise<T> {
  const envelope = (await (await context.post(`api/${method}`, { data: input })).json()) as Envelope<T>;
  expect(envelope.error, `${method}`).toBeUndefined();
  expect(envelope.ok).toBe(true);
  return envelope.result;
}

let root = '';
const children: ChildProcess[] = [];
/** Each child's output, shown when the set-up fails. */
const output: string[] = [];

/** `node --import tsx scripts/<script> …` from the project's root, with the window's files of this run. */
function spawnScript(script: string, args: string[]): void {
  const child = spawn(process.execPath, ['--import', 'tsx', join('scripts', script), ...args], {
    cwd: PROJECT_ROOT,
    // The environment carries INFOCITE_RENDERER_DIR: the children serve the window this run built.
    env: { ...process.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => output.push(`[${script}] ${chunk.toString()}`);
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  children.push(child);
}

/** Waits until `url` answers its API (the process has started and opened its database). */
async function waitForApi(url: string): Promise<void> {
  await expect
    .poll(
      async () => {
        try {
          const response = await fetch(`${url}/api/auth.session`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: '{}',
          });
          return response.status;
        } catch {
          return 0;
        }
      },
      { timeout: 60_000, intervals: [250], message: `${url} ne répond pas :\n${output.join('')}` },
    )
    .toBe(200);
}

/** The city's set-up through the server's API: the first administrator, a point, its agent, an editor, two desks. */
async function setUpCity(serverUrl: string): Promise<[string, string]> {
  const admin = await playwrightRequest.newContext({ baseURL: `${serverUrl}/` });
  try {
    await call(admin, 'auth.setup', ADMIN);
    const point = await call<{ id: number }>(admin, 'points.create', {
      code: 'accueil-bureaux',
      nom: 'Accueil des bureaux',
      entite: 'ville',
      type: 'physique',
      voie: '',
      complement: '',
      code_postal: '',
      commune: 'Montrouval',
      horaires: '',
      contact_id: null,
      ouvert: true,
    });
    const agent = await call<{ id: number }>(admin, 'agents.create', {
      nom: 'Accueil',
      prenom: 'Agathe',
      service: 'Accueil',
      actif: true,
    });
    await call(admin, 'affectations.add', { agentId: agent.id, pointId: point.id, debut: '2020-01-01' });
    await call(admin, 'comptes.create', { ...AGENT, roles: ['agent'], agentId: agent.id });
    await call(admin, 'comptes.create', { ...EDITOR, roles: ['agent', 'redacteur'] });
    const a = await call<{ code: string }>(admin, 'postes.create', { nom: 'Poste A', pointId: point.id });
    const b = await call<{ code: string }>(admin, 'postes.create', { nom: 'Poste B', pointId: point.id });
    return [a.code, b.code];
  } finally {
    await admin.dispose();
  }
}

/** Enrols the desk at `url` through its window: « Inscrire ce poste », the code, then the login screen. */
async function enrol(browser: Browser, url: string, code: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: `${url}/` })).newPage();
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Inscrire ce poste' })).toBeVisible({ timeout: 15_000 });
  await page.getByLabel('Code d’inscription').fill(code);
  await page.getByTestId('enrol-submit').click();
  await expect(page.getByTestId('login-to-password').or(page.getByTestId('login-form')).first()).toBeVisible({
    timeout: 15_000,
  });
  return page;
}

/** Logs the desk's window in with a password (the PIN panel, if shown, is one click away). */
async function logIn(
  page: Page,
  who: { identifiant: string; nom: string; motDePasse: string },
): Promise<void> {
  const toPassword = page.getByTestId('login-to-password');
  await expect(toPassword.or(page.getByTestId('login-form')).first()).toBeVisible();
  if (await toPassword.isVisible()) await toPassword.click();
  await page.getByTestId('login-identifiant').fill(who.identifiant);
  await page.getByTestId('login-password').fill(who.motDePasse);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('session-name')).toHaveText(who.nom);
}

test.describe('les postes de la ville', () => {
  test.describe.configure({ timeout: 120_000 });

  let deskA: Page;
  let deskB: Page;

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(120_000);
    root = mkdtempSync(join(tmpdir(), 'infocite-bureaux-'));
    const contentDir = join(root, 'contenu');
    cpSync(DEMO_CONTENT, contentDir, { recursive: true });
    const serverUrl = `http://127.0.0.1:${SERVER_PORT}`;
    spawnScript('server.ts', [
      '--data-dir',
      join(root, 'serveur'),
      '--content',
      contentDir,
      '--port',
      String(SERVER_PORT),
    ]);
    await waitForApi(serverUrl);
    const [codeA, codeB] = await setUpCity(serverUrl);

    const desks: Array<[number, string]> = [
      [DESK_A_PORT, 'poste-a'],
      [DESK_B_PORT, 'poste-b'],
    ];
    for (const [port, folder] of desks) {
      spawnScript('preview.ts', [
        '--server',
        serverUrl,
        '--data-dir',
        join(root, folder),
        '--port',
        String(port),
      ]);
    }
    await Promise.all(desks.map(([port]) => waitForApi(`http://127.0.0.1:${port}`)));
    [deskA, deskB] = await Promise.all([
      enrol(browser, `http://127.0.0.1:${DESK_A_PORT}`, codeA),
      enrol(browser, `http://127.0.0.1:${DESK_B_PORT}`, codeB),
    ]);
  });

  test.afterAll(async () => {
    await deskA?.context().close();
    await deskB?.context().close();
    // SIGTERM: each process answers what is under way, then closes its database.
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
            child.once('exit', () => {
              clearTimeout(force);
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
    if (root) rmSync(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  });

  test('an editor saves a fiche at desk A; an agent finds it at desk B within 10 s', async () => {
    const word = `bureaux${Date.now().toString(36)}`;
    const id = `fiche-${word}`;

    // Desk A: the editor logs in through the window, then saves through the desk's API with the window's
    // cookie — the desk forwards the call to the server, the content's only writer.
    await logIn(deskA, EDITOR);
    const saved = await call<{ status: string }>(deskA.request, 'redaction.save', {
      kind: 'fiche',
      id,
      frontMatter: {
        id,
        titre: `Démarche ${word}`,
        resume: `Une démarche saisie au poste A (${word}).`,
        themes: ['vie-pratique'],
        mise_a_jour: '2026-01-15',
        statut: 'publiee',
      },
      body: `Le mot ${word} ne figure que dans cette fiche.`,
      baseVersion: null,
    });
    expect(saved.status).toBe('saved');

    // Desk B: the agent searches the word; the desk's mirror brings the fiche within 10 s (polled up to 15 s).
    await logIn(deskB, AGENT);
    const input = deskB.getByTestId('search-input');
    const hit = deskB.locator(`[data-testid="result-item"][data-id="${id}"]`);
    await expect(async () => {
      await input.fill('');
      await input.fill(word);
      await expect(hit).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 15_000, intervals: [500] });
    await expect(hit).toContainText(`Démarche ${word}`);
  });
});
