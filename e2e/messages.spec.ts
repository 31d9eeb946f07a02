// French messages next to the field they concern, never a schema dump: an identifiant with a space on the first
// screen and in « Nouveau compte » (the window's check, and the core's answer if it gets there), and the login's
// forced wait counted down on the button.
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { api, loginAs } from './helpers';

const SPACE_MESSAGE = 'L’identifiant ne contient ni espace ni signe autre que . _ @ -.';

/** The dispatcher's real answer to `input`, posted from the page (its cookie, its session). */
function postFromPage(page: Page, method: string, input: unknown): Promise<unknown> {
  return page.evaluate(
    async ([name, body]) => {
      const response = await fetch(`api/${name as string}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return (await response.json()) as unknown;
    },
    [method, input] as const,
  );
}

async function noRawDump(page: Page): Promise<void> {
  await expect(page.locator('body')).not.toContainText('✖');
  await expect(page.locator('body')).not.toContainText('→ at');
}

test.describe('messages en français, à côté du champ', () => {
  test('first start: an identifiant with a space is told next to the field, by the window and by the core', async ({
    page,
  }) => {
    // This server already has its administrator: the first screen is shown by answering « setup needed ».
    await page.route('**/api/auth.session', (route) =>
      route.fulfill({ json: { ok: true, result: { setupNeeded: true, compte: null, installation: null } } }),
    );
    await page.goto('./');
    await page.getByTestId('setup-identifiant').fill('jean dupont');
    await page.getByTestId('setup-nom').fill('Jean Dupont');
    await page.getByTestId('setup-password').fill('un mot de passe assez long');
    await page.getByTestId('setup-confirmation').fill('un mot de passe assez long');
    await page.getByTestId('setup-submit').click();
    await expect(page.getByTestId('setup-identifiant-error')).toHaveText(SPACE_MESSAGE);
    await expect(page.getByTestId('setup-identifiant')).toBeFocused();
    await expect(page.getByTestId('setup-error')).toHaveCount(0);

    // Had it reached the core, its answer (here the real one) lands next to the same field.
    const answer = await postFromPage(page, 'auth.setup', {
      identifiant: 'jean dupont',
      nom: 'Jean Dupont',
      motDePasse: 'un mot de passe assez long',
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'identifiant' } });
    await page.route('**/api/auth.setup', (route) => route.fulfill({ json: answer }));
    await page.getByTestId('setup-identifiant').fill('jean.dupont');
    await page.getByTestId('setup-submit').click();
    await expect(page.getByTestId('setup-identifiant-error')).toHaveText(SPACE_MESSAGE);
    await expect(page.getByTestId('setup-identifiant')).toBeFocused();
    await expect(page.getByTestId('setup-error')).toHaveCount(0);
    await noRawDump(page);
  });

  test('« Nouveau compte »: the identifiant’s refusal next to it, from the window or from the core', async ({
    page,
  }) => {
    await loginAs(page, 'admin');
    await page.goto('./#/comptes');
    await page.getByTestId('compte-new').click();
    await page.getByTestId('compte-identifiant').fill('jean dupont');
    await page.getByTestId('compte-nom').fill('Jean Dupont');
    await page.getByTestId('compte-password').fill('un mot de passe assez long');
    await page.getByTestId('compte-confirmation').fill('un mot de passe assez long');
    await page.getByTestId('compte-submit').click();
    await expect(page.getByTestId('new-identifiant-error')).toHaveText(SPACE_MESSAGE);
    await expect(page.getByTestId('compte-identifiant')).toBeFocused();

    const answer = await postFromPage(page, 'comptes.create', {
      identifiant: 'jean dupont',
      nom: 'Jean Dupont',
      roles: ['agent'],
      motDePasse: 'un mot de passe assez long',
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'identifiant' } });
    await page.route('**/api/comptes.create', (route) => route.fulfill({ json: answer }));
    await page.getByTestId('compte-identifiant').fill('jean.dupont');
    await page.getByTestId('compte-submit').click();
    await expect(page.getByTestId('new-identifiant-error')).toHaveText(SPACE_MESSAGE);
    await expect(page.getByTestId('compte-identifiant')).toBeFocused();
    await expect(page.getByTestId('compte-error')).toHaveCount(0);
    await noRawDump(page);
  });

  test('the login’s forced wait is counted down and the button waits with it', async ({ page, request }) => {
    const identifiant = `attente-${Date.now().toString(36)}`;
    await api(
      request,
      'comptes.create',
      { identifiant, nom: 'Compte en attente', roles: ['agent'], motDePasse: 'le bon mot de passe' },
      'admin',
    );
    await page.goto('./');
    const toPassword = page.getByTestId('login-to-password');
    await expect(toPassword.or(page.getByTestId('login-form')).first()).toBeVisible();
    if (await toPassword.isVisible()) await toPassword.click();
    const submit = page.getByTestId('login-submit');
    const wait = page.getByTestId('login-wait');
    await page.getByTestId('login-identifiant').fill(identifiant);
    for (let i = 0; i < 3; i++) {
      await expect(submit).toBeEnabled({ timeout: 5000 });
      await page.getByTestId('login-password').fill('pas le bon');
      await submit.click();
      await expect(page.getByTestId('login-error')).toBeVisible();
    }
    // The third failure: 1 s; the fourth: 2 s, counted down.
    await expect(submit).toBeEnabled({ timeout: 5000 });
    await page.getByTestId('login-password').fill('pas le bon');
    await submit.click();
    await expect(page.getByTestId('login-error')).toContainText('patientez 2 secondes');
    await expect(wait).toHaveText('Réessayez dans 2 s…');
    await expect(submit).toBeDisabled();
    await expect(wait).toHaveText('Réessayez dans 1 s…');
    await expect(wait).toHaveCount(0, { timeout: 3000 });
    await expect(submit).toBeEnabled();
    // Then the right password opens the session.
    await page.getByTestId('login-password').fill('le bon mot de passe');
    await submit.click();
    await expect(page.getByTestId('session-name')).toHaveText('Compte en attente');
  });
});
