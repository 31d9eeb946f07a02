import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { IndexStatus } from '../common/contract';
import { api, loginAs, openHome, search } from './helpers';

test.describe('contenu', () => {
  test.beforeEach(({ page }) => loginAs(page, 'redac'));

  test('lists a broken fiche on the problems page, with its path, field and reason', async ({ page }) => {
    await page.goto('./#/problemes');
    const row = page.getByTestId('problem-row').filter({ hasText: 'fiches/casse/sans-titre.md' });
    await expect(row).toContainText('titre');
    await expect(row).toContainText('le titre est obligatoire');
    await expect(page.getByTestId('problems-badge')).toBeVisible();
  });

  test('the contacts directory searches services and opens one with its week', async ({ page }) => {
    await page.goto('./#/annuaire');
    await page.getByTestId('contact-search-input').fill('ccas');
    await expect(page.getByTestId('contact-item').first()).toContainText(/CCAS|action sociale/i);
    await page.getByTestId('contact-item').first().click();
    await expect(page.getByTestId('hours-table')).toContainText('Lundi');
    await expect(page.getByTestId('contact-address')).toContainText('99150');
  });

  test('a fiche added to the content folder is found without restarting', async ({ page, request }) => {
    const status = await api<IndexStatus>(request, 'search.status');
    writeFileSync(
      join(status.contentDir, 'fiches', 'piscine-e2e.md'),
      '---\nid: piscine-e2e\ntitre: Piscine municipale des Tilleuls\nresume: Horaires et tarifs de la piscine.\nthemes: [vie-pratique]\nmise_a_jour: 2026-11-20\n---\nLa piscine est ouverte tous les jours.\n',
    );
    await openHome(page);
    await expect(async () => {
      await page.getByTestId('search-input').fill('');
      await search(page, 'piscine tilleuls');
      await expect(page.getByTestId('result-item').first()).toContainText('Piscine municipale des Tilleuls');
    }).toPass({ timeout: 15_000 });
  });
});
