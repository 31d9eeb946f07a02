// Flash info from the author to the desk and back: a label manager publishes an announcement for the desk's
// point (French messages beside the fields first), an agent of that point sees it on the home and confirms it,
// the manager sees it read. Then the agent stars a fiche with « * » and reopens it from the home with ↓ Entrée.
import { expect, test } from '@playwright/test';
import type { InstallationView } from '../common/admin/methods';
import { addDaysToDay, parisDay } from '../common/dates';
import type { FlashDetail, FlashSummary } from '../common/flash/methods';
import { api, clickNav, loginAs, search, seriousViolations } from './helpers';

const TITLE = 'Fermeture exceptionnelle jeudi';

test.describe.serial('flash info et favoris', () => {
  let pointId = 0;

  test('a label manager publishes a flash info for the desk’s point', async ({ page, request }) => {
    const installation = await api<InstallationView>(request, 'admin.installation.get', {}, 'admin');
    pointId = installation.current?.pointId ?? 0;
    expect(pointId).toBeGreaterThan(0);

    await loginAs(page, 'gestion');
    await clickNav(page, 'flash');
    await page.getByTestId('flash-new').click();
    const form = page.getByTestId('flash-form');
    await expect(form).toBeVisible();

    // Nothing typed, no point chosen: the messages stand beside their fields.
    await page.getByTestId('flash-tous').uncheck();
    await page.getByTestId('flash-save').click();
    await expect(page.getByTestId('flash-titre-error')).toHaveText('Indiquez un titre.');
    await expect(page.getByTestId('flash-points-error')).toContainText('Choisissez au moins un point');

    await page.getByTestId('flash-titre').fill(TITLE);
    // Leaving with what was typed asks first; staying keeps it.
    let asked = '';
    page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.dismiss();
    });
    await page.getByRole('link', { name: 'Retour aux flash info' }).click();
    await expect.poll(() => asked).toContain('ne sont pas enregistrées');
    await expect(page.getByTestId('flash-titre')).toHaveValue(TITLE);
    await page
      .getByTestId('flash-texte')
      .fill('L’accueil ferme à **12 h** ; orientez vers la mairie centrale.');
    await page.getByTestId(`flash-point-${pointId}`).check();
    await page.getByTestId('flash-fiche-picker-q').fill('passeport');
    await page.getByTestId('flash-fiche-picker-option').first().click();
    await expect(page.getByTestId('flash-fiches').getByRole('listitem')).toHaveCount(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('flash-save').click();

    const row = page.getByTestId('flash-row').filter({ hasText: TITLE });
    await expect(row).toBeVisible();
    await expect(row.getByTestId('flash-read-count')).toContainText('Personne n’a encore lu');
  });

  test('an agent of that point sees it on the home and confirms it; the manager sees it read', async ({
    page,
    browser,
  }) => {
    await loginAs(page, 'agent');
    const banner = page.getByTestId('flash-banner');
    const item = banner.getByTestId('flash-item').filter({ hasText: TITLE });
    await expect(item).toBeVisible();
    await expect(item.locator('strong')).toHaveText('12 h');
    expect(await seriousViolations(page)).toEqual([]);
    await item.getByTestId('flash-confirm').click();
    await expect(banner.getByTestId('flash-read')).toContainText('annonce déjà lue');

    const manager = await browser.newPage();
    try {
      await loginAs(manager, 'gestion');
      await clickNav(manager, 'flash');
      await manager.getByRole('link', { name: TITLE }).click();
      const reader = manager.getByTestId('flash-reader').filter({ hasText: 'Agathe Accueil' });
      await expect(reader).toHaveAttribute('data-read', 'true');
      await expect(manager.getByTestId('flash-readers-count')).toContainText(/ont lu|Lu par/);
    } finally {
      await manager.close();
    }
  });

  test('an agent stars a fiche with « * » and reopens it from the home with the keyboard', async ({
    page,
  }) => {
    await loginAs(page, 'agent');
    await search(page, 'passeport');
    await page.getByTestId('search-input').press('Enter');
    const title = page.getByTestId('fiche-title');
    await expect(title).toBeFocused();
    const titre = await title.textContent();
    // The flash info linked to this fiche is shown on it too.
    await expect(page.getByTestId('flash-banner')).toContainText(TITLE);
    await expect(page.getByTestId('favori-toggle')).toContainText('Ajouter aux favoris');
    await page.keyboard.press('*');
    await expect(page.getByTestId('favori-toggle')).toContainText('Favori');

    await page.goto('./');
    const box = page.getByTestId('search-input');
    await expect(box).toBeFocused();
    await expect(page.getByTestId('favori-link').first()).toHaveText(titre ?? '');
    await box.press('ArrowDown');
    await expect(page.getByTestId('favori-link').first()).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('fiche-title')).toHaveText(titre ?? '');
    // « * » again: no longer a favourite.
    await expect(page.getByTestId('favori-toggle')).toContainText('Favori');
    await page.keyboard.press('*');
    await expect(page.getByTestId('favori-toggle')).toContainText('Ajouter aux favoris');
  });

  // The announcement goes to the archive (its last day moved to yesterday) and the star is removed, so the specs
  // that follow find the desk as it was.
  test.afterAll(async ({ browser }) => {
    const context = await browser.newContext();
    const request = context.request;
    const { flash } = await api<{ flash: FlashSummary[] }>(request, 'flash.list', {}, 'gestion');
    const mine = flash.find((item) => item.titre === TITLE);
    if (mine) {
      const detail = await api<FlashDetail>(request, 'flash.get', { id: mine.id }, 'gestion');
      const yesterday = addDaysToDay(parisDay(new Date()), -1);
      await api(
        request,
        'flash.update',
        {
          id: mine.id,
          fields: {
            titre: detail.titre,
            texte: detail.texte,
            debut: yesterday,
            fin: yesterday,
            tousPoints: detail.tousPoints,
            pointIds: detail.points.map((point) => point.id),
            ficheIds: detail.fiches.map((fiche) => fiche.id),
          },
        },
        'gestion',
      );
      const archive = await api<{ flash: FlashSummary[] }>(
        request,
        'flash.list',
        { archive: true },
        'gestion',
      );
      expect(archive.flash.map((item) => item.titre)).toContain(TITLE);
    }
    await context.close();
  });
});
