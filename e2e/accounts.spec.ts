import { expect, test } from '@playwright/test';
import { E2E_ACCOUNTS } from './accounts';
import { api, clickNav, loginAs, seriousViolations } from './helpers';

/** A fresh identifiant, so a retried test does not collide with its first run. */
const fresh = (prefix: string) => `${prefix}-${Date.now().toString(36)}`;

test.describe('comptes et sessions', () => {
  test('a wrong password is refused in French, the identifiant stays and the password is emptied', async ({
    page,
  }) => {
    await page.goto('./');
    // At the seeded desk, the agents' names come first.
    await expect(page.getByTestId('pin-panel')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('login-to-password').click();
    await page.getByTestId('login-identifiant').fill(E2E_ACCOUNTS.gestion.identifiant);
    await page.getByTestId('login-password').fill('pas le bon mot de passe');
    await page.getByTestId('login-password').press('Enter');
    await expect(page.getByTestId('login-error')).toHaveText('Identifiant ou mot de passe incorrect.');
    await expect(page.getByTestId('login-identifiant')).toHaveValue(E2E_ACCOUNTS.gestion.identifiant);
    await expect(page.getByTestId('login-password')).toHaveValue('');
    await expect(page.getByTestId('login-password')).toBeFocused();
    // An unknown identifiant gets the very same answer.
    await page.getByTestId('login-identifiant').fill('personne');
    await page.getByTestId('login-password').fill('pas le bon mot de passe');
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('login-error')).toHaveText('Identifiant ou mot de passe incorrect.');
    expect(await seriousViolations(page)).toEqual([]);
    // The right one opens the session (and clears the failures).
    await page.getByTestId('login-password').fill(E2E_ACCOUNTS.gestion.motDePasse);
    await page.getByTestId('login-identifiant').fill(E2E_ACCOUNTS.gestion.identifiant);
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('session-name')).toHaveText(E2E_ACCOUNTS.gestion.nom);
  });

  test('an administrator creates an account and finds the creation in the audit trail', async ({ page }) => {
    const identifiant = fresh('lea');
    await loginAs(page, 'admin');
    await clickNav(page, 'comptes');
    await expect(page.getByTestId('comptes-table')).toContainText(E2E_ACCOUNTS.redac.identifiant);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId('compte-new').click();
    await page.getByTestId('compte-identifiant').fill(identifiant);
    await page.getByTestId('compte-nom').fill('Léa Durand');
    await page.getByTestId('compte-role-redacteur').check();
    await page.getByTestId('compte-password').fill('un mot de passe solide');
    await page.getByTestId('compte-confirmation').fill('pas la même chose');
    await page.getByTestId('compte-submit').click();
    // Refused in the window: what was typed stays, the message sits under the field.
    await expect(page.locator('#new-confirmation-error')).toHaveText(
      'La confirmation ne correspond pas au mot de passe.',
    );
    await expect(page.getByTestId('compte-nom')).toHaveValue('Léa Durand');
    await page.getByTestId('compte-confirmation').fill('un mot de passe solide');
    await page.getByTestId('compte-submit').click();

    await expect(page.getByTestId('compte-title')).toHaveText(`Compte « ${identifiant} »`);
    await expect(page.getByTestId('compte-notice')).toHaveText(`Le compte « ${identifiant} » a été créé.`);
    expect(await seriousViolations(page)).toEqual([]);

    await clickNav(page, 'audit');
    await page.getByTestId('audit-filter-objet').selectOption('compte');
    await page.getByTestId('audit-filter-q').fill(identifiant);
    await page.getByTestId('audit-apply').click();
    await expect(page).toHaveURL(/#\/audit\?objet=compte&q=lea-/);
    const rows = page.getByTestId('audit-row');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Création');
    await expect(rows.first()).toContainText(E2E_ACCOUNTS.admin.identifiant);
    await expect(rows.first()).toContainText(identifiant);
    await expect(rows.first()).toContainText("rôles : Agent d'accueil, Rédacteur");
    await expect(rows.first()).toContainText('mot de passe : (modifié)');
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('an agent sees no administration menu and is told « Accès réservé » on the accounts page', async ({
    page,
  }) => {
    await loginAs(page, 'agent');
    await expect(page.getByTestId('nav-search')).toBeVisible();
    await expect(page.getByTestId('nav-comptes')).toHaveCount(0);
    await expect(page.getByTestId('nav-audit')).toHaveCount(0);
    await page.goto('./#/comptes');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accès réservé');
    await expect(page.getByTestId('comptes-table')).toHaveCount(0);
  });

  test('at a shared desk, an agent switches in with the keyboard and a PIN', async ({ page }) => {
    await loginAs(page, 'redac');
    await page.getByTestId('session-switch').click();
    const agents = page.getByTestId('desk-agent');
    await expect(agents.first()).toBeFocused();
    const names = await agents.allTextContents();
    const target = names.indexOf(E2E_ACCOUNTS.agent.nom);
    expect(target).toBeGreaterThanOrEqual(0);
    expect(names).toContain(E2E_ACCOUNTS.redac.nom);
    for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
    await expect(agents.nth(target)).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(page.getByTestId('pin-input')).toBeFocused();
    await page.keyboard.type('0000');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('pin-error')).toHaveText('Code PIN incorrect.');
    await expect(page.getByTestId('pin-input')).toHaveValue('');
    await page.keyboard.type(E2E_ACCOUNTS.agent.pin ?? '');
    await page.keyboard.press('Enter');

    await expect(page.getByTestId('session-name')).toHaveText(E2E_ACCOUNTS.agent.nom);
    await expect(page.getByTestId('session-via')).toContainText('code PIN');
    await expect(page.getByTestId('search-input')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('someone changes their own password from the session menu', async ({ page, request }) => {
    const identifiant = fresh('marc');
    await api(
      request,
      'comptes.create',
      { identifiant, nom: 'Marc Petit', roles: ['agent'], motDePasse: 'premier mot de passe' },
      'admin',
    );
    await page.goto('./');
    await page.getByTestId('login-to-password').click();
    await page.getByTestId('login-identifiant').fill(identifiant);
    await page.getByTestId('login-password').fill('premier mot de passe');
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('session-name')).toHaveText('Marc Petit');

    await page.getByTestId('session-password').click();
    const form = page.getByTestId('own-password-form');
    await form.getByLabel('Mot de passe actuel', { exact: true }).fill('pas le bon');
    await form.getByLabel('Nouveau mot de passe', { exact: true }).fill('second mot de passe');
    await form.getByLabel('Confirmation du nouveau mot de passe').fill('second mot de passe');
    await form.getByRole('button', { name: 'Changer mon mot de passe' }).click();
    await expect(page.getByTestId('own-password-error')).toHaveText('Le mot de passe actuel est incorrect.');
    await form.getByLabel('Mot de passe actuel', { exact: true }).fill('premier mot de passe');
    await form.getByRole('button', { name: 'Changer mon mot de passe' }).click();
    await expect(page.getByTestId('session-notice')).toHaveText('Votre mot de passe a été changé.');

    await page.getByTestId('session-logout').click();
    await page.getByTestId('login-to-password').click();
    await page.getByTestId('login-identifiant').fill(identifiant);
    await page.getByTestId('login-password').fill('second mot de passe');
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('session-name')).toHaveText('Marc Petit');
  });
});
