// What a day at the desk needs on the screens it is used on (1366×768, 1024×640): enough results above the
// outcome bar, a fiche's first service and its phone without scrolling, a menu on one row. Also the traps of the
// desk: « Changer d'agent » with no PIN at this point, and the outcome keys on the directory's pages. The
// screenshots are attached to the test report, never written into the repository.
import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect, test } from '@playwright/test';
import type { InstallationView } from '../common/admin/methods';
import { E2E_ACCOUNTS } from './accounts';
import { api, loginAs, search, seriousViolations } from './helpers';

const SCREENS = [
  { width: 1366, height: 768, results: 5 },
  { width: 1024, height: 640, results: 3 },
];

/** The top of the outcome bar as it covers the page (the viewport's bottom when it is not over it). */
async function visibleBottom(page: Page): Promise<number> {
  const viewport = page.viewportSize();
  if (!viewport) throw new Error('no viewport');
  const bar = await page.getByTestId('outcome-bar').boundingBox();
  return bar ? Math.min(viewport.height, bar.y) : viewport.height;
}

/** Whether the element's box lies wholly in the viewport, above the bar. */
async function whollyVisible(page: Page, element: Locator): Promise<boolean> {
  const box = await element.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) return false;
  const bottom = await visibleBottom(page);
  return box.y >= 0 && box.x >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= bottom;
}

async function attachScreen(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await testInfo.attach(name, { body: await page.screenshot(), contentType: 'image/png' });
}

for (const screen of SCREENS) {
  test(`at ${screen.width}×${screen.height}, ${screen.results} results and a service's phone show above the outcome bar`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width: screen.width, height: screen.height });
    await loginAs(page, 'agent');
    await search(page, 'carte');
    const bar = page.getByTestId('outcome-bar');
    await expect(bar).toHaveAttribute('data-open', 'true');

    const items = page.getByTestId('result-item');
    await expect(items.nth(screen.results)).toBeAttached();
    let shown = 0;
    for (let i = 0; i < (await items.count()); i++) if (await whollyVisible(page, items.nth(i))) shown++;
    await attachScreen(page, testInfo, `recherche-${screen.width}x${screen.height}.png`);
    // The open bar holds one row, its buttons side by side, none over another.
    expect((await bar.boundingBox())?.height ?? 0).toBeLessThanOrEqual(64);
    const row = [...(await bar.locator('.outcome-key').all()), bar.getByTestId('outcome-more')];
    let right = 0;
    for (const button of row) {
      const box = await button.boundingBox();
      expect(box).not.toBeNull();
      expect(box?.x ?? 0).toBeGreaterThanOrEqual(right);
      right = (box?.x ?? 0) + (box?.width ?? 0);
    }
    expect(right).toBeLessThanOrEqual(screen.width);
    expect(shown).toBeGreaterThanOrEqual(screen.results);

    // A fiche with a service: its first service's phone, without scrolling, not under the bar.
    await page.getByTestId('search-input').fill('passeport');
    await expect(items.first()).toBeVisible();
    await page.getByTestId('search-input').press('Enter');
    await expect(page.getByTestId('fiche-title')).toBeFocused();
    const phone = page.getByTestId('service-card').first().getByTestId('service-phone');
    await expect(phone).toBeVisible();
    expect(await page.evaluate('window.scrollY')).toBe(0);
    await attachScreen(page, testInfo, `fiche-${screen.width}x${screen.height}.png`);
    expect(await whollyVisible(page, phone)).toBe(true);

    // « Détails » unfolds the rest of the bar.
    await bar.getByTestId('outcome-more').click();
    await expect(bar.getByTestId('outcome-canal')).toBeVisible();
    await expect(bar.getByTestId('quick-theme').first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('an administrator’s menu fits on one row at 1366×768, its groups open with the keyboard', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await loginAs(page, 'admin');
  const items = page.getByTestId('nav-list').locator(':scope > li');
  const tops = new Set<number>();
  for (let i = 0; i < (await items.count()); i++) {
    const box = await items.nth(i).boundingBox();
    tops.add(Math.round(box?.y ?? -1));
  }
  expect([...tops]).toHaveLength(1);
  await expect(page.getByTestId('nav-comptes')).toBeHidden();

  // Enter opens a group, Tab reaches its entries, Escape closes it and gives the focus back.
  const group = page.getByTestId('nav-group-administration');
  await group.focus();
  await page.keyboard.press('Enter');
  await expect(group).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByTestId('nav-comptes')).toBeVisible();
  await attachScreen(page, testInfo, 'menu-administrateur-1366x768.png');
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('nav-comptes')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(group).toHaveAttribute('aria-expanded', 'false');
  await expect(group).toBeFocused();
  await page.keyboard.press('Enter');
  await page.getByTestId('nav-audit').click();
  await expect(page).toHaveURL(/#\/audit/);
  await expect(group).toHaveAttribute('aria-expanded', 'false');
});

test('an agent’s menu has no content problems; the rédacteur’s does', async ({ page }) => {
  await loginAs(page, 'agent');
  await expect(page.getByTestId('nav-search')).toBeVisible();
  await expect(page.getByTestId('nav-mesContacts')).toBeVisible();
  await expect(page.getByTestId('nav-problemes')).toHaveCount(0);
  await expect(page.getByTestId('nav-group-redaction')).toHaveCount(0);
});

test('« Changer d’agent » says so when no agent of this point has a PIN, and keeps the session', async ({
  page,
  request,
}) => {
  const view = await api<InstallationView>(request, 'admin.installation.get', {}, 'admin');
  const current = view.current?.pointId ?? null;
  const other = view.points.find((point) => point.id !== current);
  expect(other).toBeDefined();
  if (!other) return;
  await api(request, 'admin.installation.set', { pointId: other.id }, 'admin');
  try {
    await loginAs(page, 'redac');
    await page.getByTestId('session-switch').click();
    const note = page.getByTestId('session-switch-note');
    await expect(note).toContainText(`Aucun agent de ${other.nom} n’a de code PIN`);
    await expect(page.getByTestId('session-name')).toHaveText(E2E_ACCOUNTS.redac.nom);
    expect(await seriousViolations(page)).toEqual([]);
  } finally {
    await api(request, 'admin.installation.set', { pointId: current }, 'admin');
  }
});

test('the account form offers the agents of this installation’s point, and says so', async ({
  page,
  request,
}) => {
  const view = await api<InstallationView>(request, 'admin.installation.get', {}, 'admin');
  await loginAs(page, 'admin');
  await page.goto('./#/comptes/nouveau');
  const hint = page.getByTestId('compte-agent-hint');
  await expect(hint).toContainText(`affectées aujourd’hui à ${view.current?.nom ?? '?'}`);
  const { prenom, nom } = E2E_ACCOUNTS.agent.personne ?? { prenom: '?', nom: '?' };
  await expect(
    page.getByTestId('compte-agent').locator('option', { hasText: `${prenom} ${nom}` }),
  ).toHaveCount(1);
});

test('the outcome keys work on the directory and its services, where the bar is shown', async ({ page }) => {
  await loginAs(page, 'agent');
  await page.goto('./#/annuaire');
  const bar = page.getByTestId('outcome-bar');
  await expect(bar).toHaveAttribute('data-open', 'false');
  await page.getByTestId('contact-search-input').fill('ccas');
  await expect(bar).toHaveAttribute('data-open', 'true');
  await expect(page.getByTestId('contact-item').first()).toBeVisible();

  // Alt+4 from inside the directory's search box.
  await page.keyboard.press('Alt+4');
  await expect(page.getByTestId('outcome-toast')).toContainText('Contact enregistré : Rendez-vous pris');
  await expect(bar).toHaveAttribute('data-open', 'false');

  // A plain digit on a service's page.
  await page.goto('./#/annuaire');
  await page.getByTestId('contact-search-input').fill('ccas');
  await page.getByTestId('contact-item').first().click();
  await expect(page.getByTestId('contact-title')).toBeVisible();
  await expect(bar).toHaveAttribute('data-open', 'true');
  await page.keyboard.press('5');
  await expect(page.getByTestId('outcome-toast')).toContainText('Contact enregistré : Demande transmise');
});
