import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { loginAs, seriousViolations } from './helpers';

async function openSettings(page: Page): Promise<void> {
  await page.goto('./#/reglages');
  await expect(page.getByRole('heading', { level: 1, name: 'Réglages' })).toBeVisible();
  await expect(page.getByTestId('installation-select')).toBeVisible();
}

/** Takes a backup from the page and returns its file name. */
async function backUp(page: Page): Promise<string> {
  await page.getByTestId('backup-now').click();
  const notice = page.getByTestId('backup-notice');
  await expect(notice).toContainText('Sauvegarde enregistrée : sauvegarde-');
  const name = /(sauvegarde-[\w-]+\.db)/.exec((await notice.textContent()) ?? '')?.[1];
  expect(name).toBeTruthy();
  return name ?? '';
}

test.describe('réglages (administrateur)', () => {
  test.beforeEach(async ({ page }) => {
    await loginAs(page, 'admin');
    await openSettings(page);
  });

  test('backs up the database and lists the backup', async ({ page }) => {
    const name = await backUp(page);
    const row = page.locator(`[data-testid="backup-row"][data-name="${name}"]`);
    await expect(row).toBeVisible();
    await expect(row).toContainText('Sauvegarde');
    await expect(row).toContainText(/\d+ Ko|\d+(,\d)? Mo/);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('sets how long the log keeps contacts, refuses a bad value, and applies it now', async ({ page }) => {
    const months = page.getByTestId('retention-mois');
    await expect(months).toHaveValue('24');
    await months.fill('0');
    await page.getByTestId('retention').getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByTestId('retention-mois-error')).toContainText('au moins 1 mois');
    await expect(months).toHaveValue('0');
    await months.fill('36');
    await page.getByTestId('retention').getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByTestId('retention-notice')).toHaveText(
      'Les contacts sont désormais conservés 36 mois.',
    );
    await page.getByRole('button', { name: 'Appliquer maintenant' }).click();
    await expect(page.getByTestId('retention-notice')).toContainText(/Rien à regrouper|regroupés en comptes/);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('binds this desk to a reception point and shows it', async ({ page }) => {
    const select = page.getByTestId('installation-select');
    const original = await select.inputValue();
    await select.selectOption({ label: 'Mairie annexe Nord – Montrouval' });
    await page.getByTestId('installation-save').click();
    await expect(page.getByTestId('installation-notice')).toHaveText(
      'Ce poste est maintenant rattaché à « Mairie annexe Nord ».',
    );
    await expect(page.getByTestId('installation-current')).toHaveText(
      'Ce poste est rattaché à Mairie annexe Nord.',
    );
    // Kept by the core, not only by the page.
    await page.reload();
    await expect(page.getByTestId('installation-current')).toHaveText(
      'Ce poste est rattaché à Mairie annexe Nord.',
    );
    expect(await seriousViolations(page)).toEqual([]);

    // Back to the desk the other tests use.
    await page.getByTestId('installation-select').selectOption(original);
    await page.getByTestId('installation-save').click();
    await expect(page.getByTestId('installation-notice')).not.toBeEmpty();
  });

  test('restores a backup after confirmation, then asks everyone to log in again', async ({ page }) => {
    const name = await backUp(page);
    await page
      .locator(`[data-testid="backup-row"][data-name="${name}"]`)
      .getByTestId('backup-restore')
      .click();
    const dialog = page.getByTestId('restore-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Toutes les personnes connectées seront déconnectées');
    expect(await seriousViolations(page)).toEqual([]);

    // Escape cancels: nothing is restored.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('backups-table')).not.toContainText('avant-restauration');

    await page
      .locator(`[data-testid="backup-row"][data-name="${name}"]`)
      .getByTestId('backup-restore')
      .click();
    await page.getByTestId('restore-confirm').click();
    // Every session was closed: the login screen is back.
    await expect(
      page.getByTestId('login-to-password').or(page.getByTestId('login-form')).first(),
    ).toBeVisible();

    await loginAs(page, 'admin');
    await openSettings(page);
    await expect(page.getByTestId('backups-table')).toContainText('Avant une restauration');
  });
});
