import { expect, test } from '@playwright/test';
import { loginAs, openHome, search, seriousViolations } from './helpers';

test.describe('sécurité et accessibilité', () => {
  test.beforeEach(({ page }) => loginAs(page, 'redac'));

  test('a fiche full of XSS payloads renders inert', async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto('./#/fiche/test-xss');
    await expect(page.getByTestId('fiche-title')).toHaveText('Fiche piégée pour les tests de sécurité');
    const body = page.locator('main');
    await expect(body).toContainText("<script>window.__xss = 'script'</script>");
    expect(await body.locator('script, img, svg, iframe, object, embed').count()).toBe(0);
    expect(await body.locator('a[href^="javascript:"], a[href^="data:"], a[href^="vbscript:"]').count()).toBe(
      0,
    );
    expect(await body.locator('[onerror], [onload], [onclick]').count()).toBe(0);
    for (const link of await body.getByText(/lien javascript|lien data|ancre/).all()) {
      await link.click({ force: true }).catch(() => undefined);
    }
    expect(await page.evaluate(() => (globalThis as { __xss?: string }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.getByRole('link', { name: 'le passeport' }).click();
    await expect(page.getByTestId('fiche-title')).toHaveText('Passeport : première demande');
  });

  test('the search page has no serious or critical accessibility violation', async ({ page }) => {
    await openHome(page);
    expect(await seriousViolations(page)).toEqual([]);
    await search(page, 'passeport');
    await page.keyboard.press('ArrowDown');
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('a fiche page has no serious or critical accessibility violation', async ({ page }) => {
    await page.goto('./#/fiche/cni-premiere-demande');
    await expect(page.getByTestId('services-panel')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
