// « Non trouvé »: searches cut mid-typing are left out, the groups come 25 a page, each has a status the editor
// sets, and a query the index now answers says which fiche it finds.
import { expect, test } from '@playwright/test';
import { api, loginAs, seriousViolations } from './helpers';

test.describe('ce que les agents n’ont pas trouvé', () => {
  test('pages the groups, keeps a status per group, says what a query finds now', async ({
    page,
    browser,
  }) => {
    const agent = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    const record = (q: string) => api(agent.request, 'journal.recordSearch', { q, resultats: 0 }, 'agent');
    // Half-typed searches (a breath mid-sentence) and 30 distinct unanswered ones.
    for (const q of ['bonjour, je', 'carte d']) await record(q);
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    for (let n = 0; n < 30; n++) await record(`quetzal${letters[n % 26]}${letters[Math.floor(n / 26)]}x`);
    // Searched in vain 5 times, answered by the index today.
    for (let n = 0; n < 5; n++) await record('passeport');
    await agent.close();

    await loginAs(page, 'redac');
    await page.goto('./#/manques');
    const groups = page.getByTestId('manque-group');
    await expect(groups).toHaveCount(25);
    await expect(page.getByTestId('manques-requetes')).not.toContainText('bonjour, je');
    await expect(page.getByTestId('manques-requetes')).not.toContainText('« carte d »');
    await expect(page.getByTestId('manques-page')).toContainText('Page 1 sur');

    const passeport = groups.filter({ has: page.getByRole('heading', { name: '« passeport »' }) });
    await expect(passeport).toHaveCount(1);
    await expect(passeport.getByTestId('manque-trouve')).toContainText('Trouve maintenant :');
    await expect(passeport.getByTestId('manque-trouve').getByRole('link')).toContainText(/passeport/i);
    expect(await seriousViolations(page)).toEqual([]);

    await passeport.getByTestId('manque-statut').selectOption('traite');
    await expect(passeport.getByTestId('manque-outcome')).toHaveText('Statut : traité.');

    await page.getByTestId('manques-suivant').click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByTestId('manques-page')).toContainText('Page 2 sur');
    await expect(groups.first()).toBeVisible();

    // Kept: the « Traité » filter finds it after a reload.
    await page.goto('./#/manques?statut=traite');
    await expect(groups).toHaveCount(1);
    await expect(groups.first()).toHaveAttribute('data-statut', 'traite');
    await expect(groups.first().getByTestId('manque-statut')).toHaveValue('traite');
  });
});
