import { expect, test } from '@playwright/test';
import { loginAs, openHome } from './helpers';

test.describe('recherche au clavier', () => {
  test.beforeEach(({ page }) => loginAs(page, 'redac'));

  test('an option chosen before the last keystrokes reached the address still comes back to the full query', async ({
    page,
  }) => {
    await openHome(page);
    await page.keyboard.type('encom');
    await expect(page.getByTestId('result-item').first()).toBeVisible();
    // No wait: ↓ and Entrée act on the answer for « encom » while « encombrants » is still being debounced.
    await page.keyboard.type('brants');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('fiche-title')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('search-input')).toHaveValue('encombrants');
    await expect(page).toHaveURL(/q=encombrants$/);
  });
});
