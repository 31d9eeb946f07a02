import { expect, test } from '@playwright/test';
import { loginAs, openHome, search } from './helpers';

test.describe('recherche', () => {
  test.beforeEach(({ page }) => loginAs(page, 'redac'));

  test('shows results as the agent types, despite a typo, with highlighted snippets', async ({ page }) => {
    await openHome(page);
    await page.getByTestId('search-input').pressSequentially('pasport', { delay: 30 });
    const first = page.getByTestId('result-item').first();
    await expect(first).toContainText('Passeport');
    await expect(page.getByTestId('results').locator('mark').first()).toBeVisible();
    await expect(page.getByTestId('result-count')).toContainText(/\d+/);
  });

  test('folds accents and expands synonyms', async ({ page }) => {
    await openHome(page);
    await search(page, 'etat civil');
    await expect(page.getByTestId('result-item').first()).toContainText(/état civil/i);
    await search(page, 'cni perdue');
    await expect(page.getByTestId('result-item').first()).toContainText("Carte d'identité perdue");
  });

  test('filters by thème with the facets', async ({ page }) => {
    await openHome(page);
    await search(page, 'inscription');
    const facets = page.getByTestId('facet');
    expect(await facets.count()).toBeGreaterThan(1);
    const before = await page.getByTestId('result-item').count();
    await facets.filter({ hasText: 'Élections' }).first().click();
    await expect(page.getByTestId('result-item').first()).toContainText(/listes électorales/i);
    expect(await page.getByTestId('result-item').count()).toBeLessThan(before);
  });

  test('suggests a spelling, synonyms and thèmes instead of a blank page', async ({ page }) => {
    await openHome(page);
    await page.getByTestId('search-input').fill('pazzzeport');
    await expect(page.getByTestId('no-results')).toBeVisible();
    await expect(page.getByTestId('suggestions-themes')).toBeVisible();
    const spelling = page
      .getByTestId('suggestions-spellings')
      .getByRole('button')
      .or(page.getByTestId('suggestions-spellings').getByRole('link'));
    await expect(spelling.first()).toContainText('passeport');
    await spelling.first().click();
    await expect(page.getByTestId('result-item').first()).toContainText('Passeport');
  });

  test('opens a fiche with its services, address, hours of the day and phone', async ({ page }) => {
    await openHome(page);
    await search(page, 'encombrants');
    await page.getByTestId('result-item').first().click();
    await expect(page.getByTestId('fiche-title')).toHaveText(/Encombrants/);
    const panel = page.getByTestId('services-panel');
    await expect(panel.getByRole('heading', { name: "Où s'adresser" })).toBeVisible();
    // The fiche names the Métropole's collection service first, then the déchèterie.
    const card = panel.getByTestId('service-card').first();
    await expect(card.getByRole('link', { name: /Collecte des déchets/ })).toHaveAttribute(
      'href',
      /#\/contact\/collecte-dechets$/,
    );
    await expect(card).toContainText("2 rue de l'Industrie");
    await expect(card).toContainText('99150');
    await expect(card.getByTestId('today-status')).toContainText(/Ouvert|Fermé|Fermeture/);
    await expect(card.locator('a[href^="tel:"]')).toHaveAttribute('href', /^tel:\+?[0-9]+$/);
  });

  test('follows internal links between fiches', async ({ page }) => {
    await page.goto('./#/fiche/cni-perte');
    await expect(page.getByTestId('fiche-title')).toBeVisible();
    // A link of the fiche's text (« Pour l'usager » also leads to a #/fiche/… address).
    const internal = page.locator('a[href^="#/fiche/"]:not([data-testid="fiche-usager"])').first();
    const target = await internal.getAttribute('href');
    await internal.click();
    await expect(page).toHaveURL(new RegExp(`${target?.replace(/[/#]/g, '.')}$`));
    await expect(page.getByTestId('fiche-title')).toBeVisible();
  });

  test('the whole flow works with the keyboard only', async ({ page }) => {
    await openHome(page);
    await page.getByTestId('search-input').blur();
    await page.keyboard.press('/');
    await expect(page.getByTestId('search-input')).toBeFocused();
    await page.keyboard.type('encombrants');
    await expect(page.getByTestId('result-item').first()).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('fiche-title')).toHaveText(/Encombrants/);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('search-input')).toHaveValue('encombrants');
    await expect(page.getByTestId('search-input')).toBeFocused();
    await expect(page.getByTestId('result-item').first()).toBeVisible();

    await page.getByTestId('search-input').fill('passeport');
    await expect(page.getByTestId('result-item').first()).toContainText('Passeport');
    await expect(page.getByTestId('result-item').nth(1)).toContainText('Passeport');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    const second = page.getByTestId('result-item').nth(1);
    await expect(second).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('[data-testid="result-item"][aria-selected="true"]')).toHaveCount(1);
    const secondId = await second.getAttribute('data-id');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`#/fiche/${secondId}$`));
    await expect(page.getByTestId('fiche-title')).toBeVisible();

    await page.getByTestId('fiche-title').click();
    await page.keyboard.press('Control+k');
    await expect(page.getByTestId('search-input')).toBeFocused();
  });

  test('finds services from the same box, apart from the fiches, reachable with the keyboard', async ({
    page,
  }) => {
    await openHome(page);
    await search(page, 'encombrants');
    await expect(page.getByTestId('result-item').first()).toContainText('Encombrants');
    const services = page.getByTestId('service-results');
    await expect(services.getByRole('heading', { name: 'Services' })).toBeVisible();
    // The service that collects them, by its name and id (not merely some service of the town).
    const hit = services.getByTestId('service-hit').first();
    await expect(hit).toHaveAttribute('data-id', 'collecte-dechets');
    await expect(hit).toContainText('Collecte des déchets');
    await expect(hit).toContainText('99150');
    await expect(hit.getByTestId('today-status')).toContainText(/Ouvert|Fermé|Fermeture|Ouvre/);
    // Not among the fiches: the results list holds fiches only.
    await expect(page.getByTestId('results').getByTestId('service-hit')).toHaveCount(0);
    const id = await hit.getAttribute('data-id');
    await page.getByTestId('search-input').focus();
    for (let i = 0; i < 15; i++) {
      await page.keyboard.press('Tab');
      if (await hit.evaluate((element) => element === element.ownerDocument.activeElement)) break;
    }
    await expect(hit).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`#/contact/${id}$`));
  });

  test('says nothing matched rather than showing a fiche that names the words in passing', async ({
    page,
  }) => {
    await openHome(page);
    await page.getByTestId('search-input').fill('carte vitale');
    await expect(page.getByTestId('no-results')).toBeVisible();
    await expect(page.getByTestId('result-item')).toHaveCount(0);
    // The health insurance's office is still named: it is a service, shown apart.
    const hit = page.getByTestId('service-results').getByTestId('service-hit').first();
    await expect(hit).toHaveAttribute('data-id', 'cpam');
    await expect(hit).toContainText('CPAM de la Vallée');
  });
});
