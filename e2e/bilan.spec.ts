// The annual review: every section renders, the page prints to a PDF through Chromium's print (the same the
// app's « Enregistrer en PDF » uses through Electron's printToPDF), without the menu or the buttons, with the
// action plan as typed; and its figures export to CSV.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parisDay } from '../common/dates';
import { loginAs, seriousViolations } from './helpers';

const YEAR = parisDay(new Date()).slice(0, 4);

test.describe('le bilan annuel', () => {
  test.beforeEach(({ page }) => loginAs(page, 'gestion'));

  test('renders its sections and prints to a PDF', async ({ page }) => {
    await page.goto(`./#/bilan?annee=${YEAR}`);
    await expect(page.getByTestId('bilan-title')).toContainText(`Bilan annuel ${YEAR}`);
    for (const section of ['volumes', 'indicateurs', 'label', 'formation', 'lacunes', 'plan'])
      await expect(page.getByTestId(`bilan-${section}`)).toBeVisible();
    await expect(page.getByTestId('indicators-table')).toContainText('Taux de réponse au premier niveau');
    await expect(page.getByTestId('bilan-formation-types-table')).toBeVisible();
    await expect(page.getByTestId('bilan-plan-grid')).toContainText('Responsable');

    expect(await seriousViolations(page)).toEqual([]);

    // The action plan is typed in the page; printed, the text replaces the field, and the menu is gone.
    await page.getByTestId('bilan-plan-text').fill('Former les agents du CCAS à la base Info’Cité.');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.header')).toBeHidden();
    await expect(page.getByTestId('bilan-pdf')).toBeHidden();
    await expect(page.getByTestId('bilan-plan-text')).toBeHidden();
    await expect(page.locator('.bilan-plan-printed')).toHaveText(
      'Former les agents du CCAS à la base Info’Cité.',
    );
    await page.emulateMedia({ media: 'screen' });

    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
  });

  test('« Enregistrer en PDF » prints the page in the preview, and the figures export to CSV', async ({
    page,
  }) => {
    await page.goto(`./#/bilan?annee=${YEAR}`);
    await expect(page.getByTestId('bilan-volumes')).toBeVisible();
    // In the browser preview the button opens the print dialog: replaced here by a stand-in that says so.
    await page.evaluate("window.print = () => document.body.setAttribute('data-printed', 'oui')");
    await page.getByTestId('bilan-pdf').click();
    await expect(page.locator('body')).toHaveAttribute('data-printed', 'oui');

    const download = page.waitForEvent('download');
    await page.getByTestId('bilan-csv').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`bilan-annuel-${YEAR}.csv`);
    const csv = readFileSync((await file.path())!, 'utf8');
    for (const section of [`Volumes par mois (${YEAR})`, 'Issues des contacts', 'Plan d’action'])
      expect(csv).toContain(section);

    // Another year through the form, kept in the URL.
    await page.getByTestId('bilan-annee').fill(String(Number(YEAR) - 1));
    await page.getByTestId('bilan-annee').press('Enter');
    await expect(page).toHaveURL(new RegExp(`#/bilan\\?annee=${Number(YEAR) - 1}$`));
    await expect(page.getByTestId('bilan-title')).toContainText(`Bilan annuel ${Number(YEAR) - 1}`);
  });
});
