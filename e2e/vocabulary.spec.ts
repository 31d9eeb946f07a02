// Synonyms edited from the window: a new group saved on the page, and the test search right beside it finds the
// fiche through the new word at once.
import { expect, test } from '@playwright/test';
import { loginAs, seriousViolations } from './helpers';

test.describe('synonymes et thèmes', () => {
  test.beforeEach(({ page }) => loginAs(page, 'redac'));

  test('a synonym added on the page: the test search finds the fiche through it', async ({ page }) => {
    await page.goto('./#/vocabulaire');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Synonymes et thèmes');
    expect(await seriousViolations(page)).toEqual([]);

    // Before: the word means nothing to the search.
    const tester = page.getByTestId('vocab-test');
    await page.getByTestId('vocab-test-q').fill('zorglub');
    await expect(page.getByTestId('vocab-test-count')).toHaveText('0 fiche trouvée');

    // The word joins the group of « déchets verts ».
    const group = page
      .getByTestId('vocab-group')
      .filter({ has: page.locator('input[value^="déchets verts"]') })
      .getByRole('textbox');
    const before = await group.inputValue();
    await group.fill(`${before}, zorglub`);
    await page.getByTestId('vocab-synonyms-save').click();
    await expect(page.getByTestId('vocab-synonyms-message')).toContainText('Synonymes enregistrés');

    // After: the same search, on the same page, finds the fiche about green waste once the index is rebuilt
    // (half a second on a quiet machine; the page asks again when the index status changes).
    await expect(tester.getByTestId('vocab-test-result').filter({ hasText: 'Déchets verts' })).toBeVisible({
      // The rebuild competes with the other specs' servers on a loaded machine.
      timeout: 30_000,
    });

    // A thème still used by fiches cannot be removed: the core says which.
    const row = page.getByTestId('vocab-theme').filter({ has: page.locator('input[value="dechets"]') });
    await row.getByRole('button', { name: /Retirer le thème/ }).click();
    await page.getByTestId('vocab-themes-save').click();
    await expect(page.getByTestId('vocab-themes-message')).toContainText('encore utilisé');
  });
});
