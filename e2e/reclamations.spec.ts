// Complaints and satisfaction (issue 15): an agent records a complaint with the citizen's details and never reads
// them back; the label manager acknowledges and answers it within its delay; a face tapped on the tablet and
// the answered complaint show in the dashboard's figures.
import { expect, test } from '@playwright/test';
import { loginAs, seriousViolations } from './helpers';

test.describe('réclamations et satisfaction', () => {
  test('from intake to answer, then the dashboard’s figures', async ({ page, browser }) => {
    test.slow();
    await loginAs(page, 'agent');
    await page.goto('./#/reclamations');
    await page.getByTestId('reclamation-canal').selectOption('courriel');
    await page.getByTestId('reclamation-objet').fill('Attente de quarante minutes au guichet état civil.');
    await page.getByTestId('reclamation-nom').fill('Jeanne Usagère');
    await page.getByTestId('reclamation-courriel').fill('pas-une-adresse');
    await page.getByTestId('reclamation-submit').click();
    // Refused beside its field, nothing typed is lost.
    await expect(page.getByTestId('reclamation-courriel-error')).toContainText('adresse électronique');
    await expect(page.getByTestId('reclamation-objet')).toHaveValue(/quarante minutes/);
    await page.getByTestId('reclamation-courriel').fill('jeanne@example.org');
    await page.getByTestId('reclamation-submit').click();
    await expect(page.getByTestId('reclamation-notice')).toContainText('enregistrée');
    const id = (await page.getByTestId('reclamation-notice').textContent())?.match(/n° (\d+)/)?.[1];
    expect(id).toBeDefined();
    // The agent sees the register's codes, never the citizen.
    // Its own row, with its status (the column header « Reçue le » alone would not do).
    const row = page
      .getByTestId('reclamation-row')
      .filter({ has: page.getByRole('rowheader', { name: id ?? '?', exact: true }) });
    await expect(row).toContainText('Reçue');
    await expect(page.getByTestId('reclamations-table')).not.toContainText('Jeanne');
    const refused = await page.request.post('api/reclamations.get', { data: { id: Number(id) } });
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    expect(await seriousViolations(page)).toEqual([]);

    // The label manager handles it.
    const context = await browser.newContext();
    const manager = await context.newPage();
    await loginAs(manager, 'gestion');
    await manager.goto('./#/reclamations');
    await manager.getByRole('button', { name: id ?? '', exact: true }).click();
    const detail = manager.getByTestId('reclamation-detail');
    await expect(detail.getByTestId('reclamation-usager')).toContainText(
      'Jeanne Usagère · jeanne@example.org',
    );
    await detail.getByRole('button', { name: 'Accuser réception' }).click();
    await expect(detail).toContainText('Réception accusée');
    await detail.getByTestId('reclamation-reponse').fill('Un deuxième guichet ouvre le lundi matin.');
    await detail.getByTestId('reclamation-answer').click();
    await expect(detail.getByTestId('reclamation-delai')).toContainText('dans le délai');

    // A citizen taps a face on the desk's tablet.
    await manager.goto('./#/satisfaction');
    await manager.getByTestId('face-tres_satisfait').click();
    await expect(manager.getByTestId('satisfaction-thanks')).toHaveText('Merci pour votre avis !');

    await manager.goto('./#/tableau');
    await expect(manager.getByTestId('indicators-table')).toContainText('Taux de satisfaction');
    await expect(manager.getByTestId('qualite-reclamations')).toContainText('dont 1 dans le délai annoncé');
    await expect(manager.getByTestId('satisfaction-table')).toContainText('Très satisfait');
    await context.close();
  });
});
