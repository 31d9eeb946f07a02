import { randomUUID } from 'node:crypto';
import { expect, request as playwrightRequest, test } from '@playwright/test';
import { api, clickNav, loginAs, seriousViolations } from './helpers';

/** A fresh name, so a retried test does not collide with its first run. */
const fresh = (prefix: string) => `${prefix} ${Date.now().toString(36)}`;

/** An account number no one holds: the server refuses the entry, which becomes a dead letter. */
const UNKNOWN_COMPTE = 987_654;

test.describe('les postes de la ville', () => {
  test('an administrator creates a desk, reads its code once, and revokes it', async ({ page }) => {
    const nom = fresh('Guichet');
    await loginAs(page, 'admin');
    await clickNav(page, 'postes');
    await expect(page.getByTestId('postes-table')).toBeVisible();

    // Refused in the window: each message beside its field, what was typed kept.
    await page.getByTestId('poste-nom').fill('   ');
    await page.getByTestId('poste-submit').click();
    await expect(page.getByTestId('poste-nom-error')).toHaveText('Indiquez le nom du poste.');
    await expect(page.getByTestId('poste-pointId-error')).toHaveText('Choisissez le point d’accueil.');
    await page.getByTestId('poste-nom').fill(nom);
    // Leaving with something typed asks first; staying keeps it.
    let asked = '';
    page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.dismiss();
    });
    await clickNav(page, 'comptes');
    await expect.poll(() => asked).toContain('Vos modifications ne sont pas enregistrées');
    await expect(page.getByTestId('poste-nom')).toHaveValue(nom);
    await page.getByTestId('poste-pointId').selectOption({ index: 1 });
    await page.getByTestId('poste-submit').click();

    const panel = page.getByTestId('poste-code-panel');
    await expect(panel).toContainText(`Code d’inscription du poste « ${nom} »`);
    await expect(panel).toContainText('À saisir sur le poste dans les 7 jours');
    await expect(page.getByTestId('poste-code')).toHaveText(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await expect(page.getByTestId('poste-nom')).toHaveValue('');
    const row = page.locator(`[data-testid="poste-row"][data-nom="${nom}"]`);
    await expect(row.getByTestId('poste-etat')).toHaveText('En attente d’inscription');
    expect(await seriousViolations(page)).toEqual([]);

    // Shown once: the server keeps no code to show again.
    await page.getByTestId('poste-code-close').click();
    await expect(panel).toHaveCount(0);
    await page.reload();
    await expect(row).toBeVisible();
    await expect(page.getByTestId('poste-code-panel')).toHaveCount(0);

    // Revoked after a confirmation.
    await row.getByTestId('poste-revoke').click();
    await row.getByTestId('poste-revoke-confirm').click();
    await expect(row.getByTestId('poste-etat')).toHaveText('Révoqué');
    await expect(page.getByTestId('postes-notice')).toHaveText(`Le poste « ${nom} » est révoqué.`);
    await expect(row.getByTestId('poste-revoke')).toHaveCount(0);
  });

  test('an entry a desk sent by an unknown account is listed, retried, then set aside', async ({
    page,
    request,
    baseURL,
  }) => {
    // A desk enrolled through the API, as the desk app does it with the code the administrator read out.
    const { points } = await api<{ points: Array<{ id: number }> }>(
      request,
      'points.list',
      { ouvert: true },
      'admin',
    );
    const created = await api<{ code: string }>(
      request,
      'postes.create',
      { nom: fresh('Poste relié'), pointId: points[0]?.id },
      'admin',
    );
    const desk = await playwrightRequest.newContext({ baseURL });
    try {
      const enrolled = (await (
        await desk.post('api/postes.enrol', { data: { code: created.code } })
      ).json()) as {
        ok: boolean;
        result: { credential: string };
      };
      expect(enrolled.ok).toBe(true);
      const uid = randomUUID();
      const now = new Date().toISOString();
      const sent = (await (
        await desk.post('api/sync.ingest', {
          headers: { 'x-infocite-poste': enrolled.result.credential, 'x-infocite-api': '2' },
          data: {
            sentAt: now,
            entries: [
              {
                uid,
                kind: 'avis.record',
                at: now,
                compteId: UNKNOWN_COMPTE,
                payload: { ficheId: 'pacs', utile: true },
              },
            ],
          },
        })
      ).json()) as { ok: boolean; result: { results: Array<{ statut: string }> } };
      expect(sent.result.results.map((r) => r.statut)).toEqual(['rejete']);

      await loginAs(page, 'admin');
      await clickNav(page, 'postes');
      const link = page.getByTestId('postes-rejets').getByRole('link');
      await expect(link).toHaveText(/^\d+ envois? refusés?$/);
      await link.click();
      const row = page.locator(`[data-testid="rejet-row"][data-uid="${uid}"]`);
      await expect(row).toContainText('Avis sur une fiche');
      await expect(row).toContainText(`Compte n° ${UNKNOWN_COMPTE} (inconnu)`);
      await expect(row.getByTestId('rejet-motif')).toContainText(
        `Le compte n° ${UNKNOWN_COMPTE} n’existe pas`,
      );
      expect(await seriousViolations(page)).toEqual([]);

      // Retried with nothing fixed: still refused, the row stays with the reason.
      await row.getByTestId('rejet-reessayer').click();
      await expect(page.getByTestId('rejets-notice')).toContainText('L’envoi est toujours refusé');
      await expect(row.getByTestId('rejet-reessayer')).toBeVisible();

      // Set aside after a confirmation: it leaves the open ones, and shows among the settled ones.
      await row.getByTestId('rejet-classer').click();
      await row.getByTestId('rejet-classer-confirm').click();
      await expect(page.getByTestId('rejets-notice')).toHaveText(
        'L’envoi est classé : il ne sera pas enregistré.',
      );
      await expect(row).toHaveCount(0);
      await page.getByTestId('rejets-traites').check();
      await expect(row.getByTestId('rejet-traite')).toContainText('Traité le');
    } finally {
      await desk.dispose();
    }
  });
});
