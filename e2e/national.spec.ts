import { expect, test } from '@playwright/test';
import type { FicheView } from '../common/contract';
import { api, loginAs, openHome, search, seriousViolations } from './helpers';

// Fixtures: e2e/fixtures/content/national/F9001.md and F9002.md (national, « Carte de pêcheur de lune »), and
// e2e/fixtures/content/fiches/tests/complement.md, the local fiche that completes F9001.
const QUERY = 'pêcheur de lune';
const LOCAL_ID = 'pecheur-lune-montrouval';

test.describe('fiches nationales', () => {
  test.beforeEach(({ page }) => loginAs(page, 'redac'));

  test('the results mix local and national fiches, the local first, the national ones badged', async ({
    page,
  }) => {
    await openHome(page);
    await search(page, QUERY);
    const items = page.getByTestId('result-item');
    await expect(items).toHaveCount(3);
    const first = items.first();
    await expect(first).toHaveAttribute('data-id', LOCAL_ID);
    await expect(first).toHaveAttribute('data-origine', 'local');
    await expect(first.getByTestId('result-national')).toHaveCount(0);

    const national = items.and(page.locator('[data-id="F9001"]'));
    await expect(national).toHaveAttribute('data-origine', 'national');
    const badge = national.getByTestId('result-national');
    await expect(badge).toContainText('Service-Public.fr');
    await expect(badge).toContainText('mis à jour le 26 août 2020');
    // The badge and the date are read out with the option, after its title.
    const describedBy = (await national.getAttribute('aria-describedby')) ?? '';
    expect(describedBy.split(' ')).toContain(await badge.getAttribute('id'));
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('the origin filter splits the results and stays in the address', async ({ page }) => {
    await openHome(page);
    await search(page, QUERY);
    const filter = page.getByTestId('origin-filter');
    const choice = (origine: string) => filter.locator(`[data-origine="${origine}"]`);
    await expect(choice('toutes')).toHaveText(/Toutes \(3\)/);
    await expect(choice('toutes')).toHaveAttribute('aria-pressed', 'true');
    await expect(choice('local')).toHaveText(/Fiches locales \(1\)/);
    await expect(choice('national')).toHaveText(/Service-Public\.fr \(2\)/);

    await choice('national').click();
    await expect(page).toHaveURL(/[?&]origine=national(&|$)/);
    await expect(page.getByTestId('result-item')).toHaveCount(2);
    for (const item of await page.getByTestId('result-item').all()) {
      await expect(item).toHaveAttribute('data-origine', 'national');
    }
    // The counts are those before the origin filter.
    await expect(choice('local')).toHaveText(/Fiches locales \(1\)/);
    await expect(choice('national')).toHaveAttribute('aria-pressed', 'true');

    // A thème chosen, or a new query typed, keeps the origin.
    await page.getByTestId('facet').filter({ hasText: 'Papiers - Citoyenneté' }).click();
    await expect(page).toHaveURL(/themes=.*origine=national/);
    await page.getByTestId('facet-clear').click();
    await page.getByTestId('search-input').fill('carte pêcheur lune');
    await expect(page).toHaveURL(/q=carte.*origine=national/);
    await expect(page.getByTestId('result-item')).toHaveCount(2);

    // The address alone brings the filter back.
    await page.reload();
    await expect(choice('national')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('result-item')).toHaveCount(2);

    await choice('local').click();
    await expect(page).toHaveURL(/origine=local/);
    await expect(page.getByTestId('result-item')).toHaveCount(1);
    await expect(page.getByTestId('result-item').first()).toHaveAttribute('data-id', LOCAL_ID);

    await choice('toutes').click();
    await expect(page).not.toHaveURL(/origine=/);
    await expect(page.getByTestId('result-item')).toHaveCount(3);

    // Esc clears the query and the filters.
    await choice('national').click();
    await page.getByTestId('search-input').focus();
    await page.keyboard.press('Escape');
    await expect(page).not.toHaveURL(/origine=/);
    await expect(page.getByTestId('search-input')).toHaveValue('');
  });

  test('with no result under the origin filter, the agent is told and can search everywhere', async ({
    page,
  }) => {
    // Only the national F9001 speaks of reflets in the étangs.
    await page.goto(`./#/?q=${encodeURIComponent('reflets étangs')}&origine=local`);
    const box = page.getByTestId('no-results');
    await expect(box).toContainText('Le filtre « Fiches locales » est actif.');
    await expect(page.getByTestId('origin-filter').locator('[data-origine="national"]')).toHaveText(
      /Service-Public\.fr \(1\)/,
    );
    await box.getByTestId('clear-filters').click();
    await expect(page).not.toHaveURL(/origine=/);
    await expect(page.getByTestId('result-item')).toHaveCount(1);
    await expect(page.getByTestId('result-item').first()).toHaveAttribute('data-id', 'F9001');
    // A single origin answers: nothing to split, so no origin filter.
    await expect(page.getByTestId('origin-filter')).toHaveCount(0);
  });

  test('a national fiche cites its source, shows the local specifics first and the services of its pivot', async ({
    page,
    request,
  }) => {
    const view = await api<FicheView>(request, 'fiches.get', { id: 'F9001' });
    expect(view.fiche.origine).toBe('national');
    expect(view.complements.map((c) => c.id)).toEqual([LOCAL_ID]);
    expect(view.services.length).toBeGreaterThan(0);

    await page.goto('./#/fiche/F9001');
    await expect(page.getByTestId('fiche-title')).toHaveText('Carte de pêcheur de lune');
    await expect(page.getByTestId('fiche-badge')).toHaveText('Service-Public.fr');

    const citation = page.getByTestId('fiche-citation');
    await expect(citation).toHaveText(
      /^Source : Service-Public\.fr.*\(DILA\), mise à jour le 26 août 2020 — Licence Ouverte$/,
    );
    const source = citation.getByTestId('fiche-source-link');
    await expect(source).toHaveAttribute(
      'href',
      'https://www.service-public.fr/particuliers/vosdroits/F9001',
    );
    await expect(source).toHaveAttribute('target', '_blank');
    await expect(source).toHaveAttribute('rel', /noopener/);
    await expect(page.getByTestId('fiche-national')).toContainText('ne peut pas être modifiée ici');

    const complements = page.getByTestId('fiche-complements');
    await expect(complements.getByRole('heading', { name: 'Spécificités locales' })).toBeVisible();
    await expect(complements.getByTestId('complement')).toContainText('mercredi de 8 h 30 à 12 h');
    // The local specifics come before the national text.
    const sectionBox = await complements.boundingBox();
    const bodyBox = await page.getByTestId('fiche-body').boundingBox();
    expect(sectionBox && bodyBox && sectionBox.y + sectionBox.height <= bodyBox.y).toBe(true);

    const body = page.getByTestId('fiche-body');
    await expect(body.locator('table th').first()).toHaveText('Durée de validité');
    await expect(body.locator('blockquote').first()).toContainText('À noter :');

    const cards = page.getByTestId('services-panel').getByTestId('service-card');
    await expect(cards).toHaveCount(view.services.length);
    await expect(cards.first()).toContainText('Hôtel de Ville');

    expect(await seriousViolations(page)).toEqual([]);

    await complements.getByTestId('complement-link').click();
    await expect(page).toHaveURL(new RegExp(`#/fiche/${LOCAL_ID}$`));
    await expect(page.getByTestId('fiche-badge')).toHaveCount(0);
    const completes = page.getByTestId('fiche-completes');
    await expect(completes).toContainText('Complète la fiche nationale : Carte de pêcheur de lune');
    await completes.getByRole('link').click();
    await expect(page).toHaveURL(/#\/fiche\/F9001$/);
    await expect(page.getByTestId('fiche-title')).toHaveText('Carte de pêcheur de lune');
  });

  test('a wide table scrolls sideways and can be reached with the keyboard', async ({ page }) => {
    await page.goto('./#/fiche/F9002');
    await expect(page.getByTestId('fiche-title')).toHaveText('Carte de pêcheur de lune : perte ou vol');
    await expect(page.getByTestId('fiche-complements')).toHaveCount(0);
    const wide = page.getByTestId('fiche-body').locator('.table-wrap').last();
    await expect(wide).toHaveAttribute('tabindex', '0');
    await expect(wide).toHaveAttribute('role', 'region');
    const narrow = page.getByTestId('fiche-body').locator('.table-wrap').first();
    await expect(narrow).not.toHaveAttribute('tabindex', /.*/);
    // Wider than its frame once laid out (a key pressed before that has nothing to scroll: seen in CI).
    await expect
      .poll(() => wide.evaluate((element) => element.scrollWidth - element.clientWidth))
      .toBeGreaterThan(0);
    await wide.focus();
    await expect(wide).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => wide.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
