import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type { E2eWho } from './accounts';
import { E2E_ACCOUNTS } from './accounts';

interface Answer<T> {
  ok: boolean;
  result: T;
  error?: { code: string; message: string };
}

async function post<T>(request: APIRequestContext, method: string, input: unknown): Promise<Answer<T>> {
  const response = await request.post(`api/${method}`, { data: input });
  return (await response.json()) as Answer<T>;
}

/**
 * Calls the API the way the window does, for set-up and checks. A request context has its own cookie (so its
 * own session): when it has none yet, it logs in as `who` (the rédacteur by default: he searches and imports).
 */
export async function api<T>(
  request: APIRequestContext,
  method: string,
  input: unknown = {},
  who: E2eWho = 'redac',
): Promise<T> {
  let envelope = await post<T>(request, method, input);
  if (!envelope.ok && envelope.error?.code === 'unauthenticated') {
    const { identifiant, motDePasse } = E2E_ACCOUNTS[who];
    expect((await post(request, 'auth.login', { identifiant, motDePasse })).ok).toBe(true);
    envelope = await post<T>(request, method, input);
  }
  expect(envelope.error).toBeUndefined();
  expect(envelope.ok).toBe(true);
  return envelope.result;
}

/**
 * Logs the page in with an e2e account's password. At the seeded desk the login screen shows the agents' PIN
 * panel first: the password form is one click away.
 */
export async function loginAs(page: Page, who: E2eWho): Promise<void> {
  const { identifiant, motDePasse, nom } = E2E_ACCOUNTS[who];
  await page.goto('./');
  const toPassword = page.getByTestId('login-to-password');
  const form = page.getByTestId('login-form');
  await expect(toPassword.or(form).first()).toBeVisible();
  if (await toPassword.isVisible()) await toPassword.click();
  await page.getByTestId('login-identifiant').fill(identifiant);
  await page.getByTestId('login-password').fill(motDePasse);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('session-name')).toHaveText(nom);
}

export async function openHome(page: Page): Promise<void> {
  await page.goto('./');
  await expect(page.getByTestId('search-input')).toBeVisible();
}

export async function search(page: Page, query: string): Promise<void> {
  await page.getByTestId('search-input').fill(query);
  await expect(page.getByTestId('result-item').first()).toBeVisible();
}

/**
 * The page's serious and critical accessibility violations (axe), one line each: expect them to be []. Axe runs
 * in the page itself (« legacy mode »): the default opens a blank page for each scan to merge the frames'
 * results, which only cross-origin frames need — the app has none — and doubled the scan (4.4 s → 2.3 s here,
 * the same rules and results); the suite scans about fifty pages.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/**
 * Clicks the menu entry « nav-<section> ». Entries of a folded group (Rédaction, Label, Pilotage,
 * Administration) are one click away: the group's button « nav-group-<group> » opens them first.
 */
export async function clickNav(page: Page, section: string): Promise<void> {
  const link = page.getByTestId(`nav-${section}`);
  await expect(link).toHaveCount(1);
  if (!(await link.isVisible())) {
    const group = await link.getAttribute('data-group');
    await page.getByTestId(`nav-group-${group ?? ''}`).click();
  }
  await link.click();
}
