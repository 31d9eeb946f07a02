// The public kiosk at /borne: no login, a search typed on the on-screen keyboard, a fiche opened, the
// satisfaction tap, then the idle reset — after which nothing of the visit remains, in the page or the browser.
import { expect, test } from '@playwright/test';
import { E2E_ACCOUNTS } from './accounts';
import { api, seriousViolations } from './helpers';

interface Reglage {
  reglage: { delaiInactivite: number; impression: boolean; satisfaction: boolean };
  satisfaction: { total: Record<string, number> };
}

const IDLE_SECONDS = 15;

test.describe('the kiosk (borne)', () => {
  let before: Reglage;

  test.beforeAll(async ({ request }) => {
    before = await api<Reglage>(request, 'borne.reglage.get', {}, 'admin');
    await api(
      request,
      'borne.reglage.set',
      { delaiInactivite: IDLE_SECONDS, impression: true, satisfaction: true },
      'admin',
    );
  });

  test.afterAll(async ({ request }) => {
    await api(request, 'borne.reglage.set', before.reglage, 'admin');
  });

  test('search by touch, read a fiche, answer, and find nothing left after the idle delay', async ({
    page,
    request,
  }) => {
    test.setTimeout(60_000);
    await page.goto('borne');
    const kiosk = page.getByTestId('borne');
    await expect(kiosk).toBeVisible();
    await expect(page.getByText('Le label Info’Cité : notre engagement')).toBeVisible();
    await expect(page.getByTestId('login-form')).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);
    const historyAtStart = await page.evaluate<number>('window.history.length');

    // A draft is never shown: « Bacs de collecte » is one in the demo content.
    const keyboard = page.getByTestId('borne-keyboard');
    for (const key of 'bacs') await keyboard.getByRole('button', { name: key, exact: true }).click();
    await keyboard.getByRole('button', { name: 'Rechercher' }).click();
    await expect(page.getByText(/Résultats pour « bacs »/)).toBeVisible();
    await expect(page.getByText('Bacs de collecte', { exact: false })).toHaveCount(0);

    await keyboard.getByRole('button', { name: 'Tout effacer' }).click();
    for (const key of 'perte') await keyboard.getByRole('button', { name: key, exact: true }).click();
    await expect(page.locator('#borne-q')).toHaveValue('perte');
    await keyboard.getByRole('button', { name: 'Rechercher' }).click();
    await page.getByRole('button', { name: /Carte d'identité perdue/ }).click();
    const fiche = page.getByTestId('borne-fiche');
    await expect(fiche.getByRole('heading', { name: "Carte d'identité perdue : la refaire" })).toBeVisible();
    await expect(fiche.getByText('Timbre fiscal électronique de 25 €', { exact: true })).toBeVisible();
    await expect(fiche.getByRole('button', { name: 'Imprimer cette fiche' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await fiche.getByRole('button', { name: 'Satisfait', exact: true }).click();
    await expect(page.getByTestId('borne-thanks')).toHaveText('Merci pour votre réponse !');
    await page.mouse.wheel(0, 600);

    // Nothing of the visit was written where the next citizen's browser could find it.
    expect(
      await page.evaluate(`({
        local: localStorage.length,
        session: sessionStorage.length,
        cookie: document.cookie,
        history: window.history.length,
      })`),
    ).toEqual({ local: 0, session: 0, cookie: '', history: historyAtStart });

    // The idle reset: back to the home, with nothing typed, read or answered left.
    await expect(kiosk).toHaveAttribute('data-visit', '1', { timeout: (IDLE_SECONDS + 5) * 1000 });
    await expect(page.getByTestId('borne-fiche')).toHaveCount(0);
    await expect(page.locator('#borne-q')).toHaveValue('');
    await expect(page.getByText('Ou choisissez un thème')).toBeVisible();
    await expect(page.getByRole('button', { name: '← Retour' })).toHaveCount(0);
    await expect(page.getByTestId('borne-thanks')).toHaveCount(0);
    expect(await page.evaluate<number>('window.scrollY')).toBe(0);

    const after = await api<Reglage>(request, 'borne.reglage.get', {}, 'admin');
    expect(after.satisfaction.total.satisfait).toBe((before.satisfaction.total.satisfait ?? 0) + 1);
  });

  test('reaches nothing but its own methods, even when an agent is logged in in the same browser', async ({
    page,
  }) => {
    const { identifiant, motDePasse } = E2E_ACCOUNTS.admin;
    const login = await page.request.post('api/auth.login', { data: { identifiant, motDePasse } });
    expect(((await login.json()) as { ok: boolean }).ok).toBe(true);
    await page.goto('borne');
    await expect(page.getByTestId('borne')).toBeVisible();
    // Run in the kiosk page itself, with the administrator's cookie in its browser.
    const answers = await page.evaluate(`(async () => {
      const post = async (path) => {
        const response = await fetch(path, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        });
        const envelope = await response.json();
        return envelope.ok ? 'ok' : envelope.error.code;
      };
      return {
        comptes: await post('borne/api/comptes.list'),
        session: await post('borne/api/auth.session'),
        accueil: await post('borne/api/borne.accueil'),
      };
    })()`);
    expect(answers).toEqual({ comptes: 'forbidden', session: 'forbidden', accueil: 'ok' });
  });
});
