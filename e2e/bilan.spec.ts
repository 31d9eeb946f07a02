// The annual review: every section renders, the page prints to a PDF through Chromium's print (the same the
// app's « Enregistrer en PDF » uses through Electron's printToPDF), without the menu or the buttons, with the
// action plan as typed; and its figures export to CSV.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parisDay } from '../common/dates';
import { loginAs, seriousViolations } from './helpers';
import { pdfInk } from './pdf-pages';

const YEAR = parisDay(new Date()).slice(0, 4);

test.describe('le bilan annuel', () => {
  test.beforeEach(({ page }) => loginAs(page, 'gestion'));

  test('renders its sections and prints to a PDF', async ({ page }, testInfo) => {
    // A long page: the accessibility scan and the PDF take a while on a shared machine.
    test.slow();
    await page.goto(`./#/bilan?annee=${YEAR}`);
    await expect(page.getByTestId('bilan-title')).toContainText(`Bilan annuel ${YEAR}`);
    for (const section of ['volumes', 'indicateurs', 'label', 'formation', 'lacunes', 'plan'])
      await expect(page.getByTestId(`bilan-${section}`)).toBeVisible();
    await expect(page.getByTestId('indicators-table')).toContainText('Taux de réponse au premier niveau');
    await expect(page.getByTestId('bilan-formation-types-table')).toBeVisible();
    await expect(page.getByTestId('bilan-plan-grid')).toContainText('Responsable');

    expect(await seriousViolations(page)).toEqual([]);

    // The current year is in progress: said so, compared with the same span of last year, read today.
    await expect(page.getByTestId('bilan-periode')).toContainText('Année en cours, incomplète');
    await expect(page.getByTestId('bilan-periode')).toContainText(`la même période de ${Number(YEAR) - 1}`);
    await expect(page.getByTestId('bilan-keyfigures')).not.toContainText('31 décembre');

    // The action plan is typed in the page; printed, the text replaces the field, and the menu is gone.
    await page.getByTestId('bilan-plan-text').fill('Former les agents du CCAS à la base Info’Cité.');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.header')).toBeHidden();
    await expect(page.getByTestId('bilan-pdf')).toBeHidden();
    await expect(page.getByTestId('bilan-plan-text')).toBeHidden();
    await expect(page.locator('.bilan-plan-printed')).toHaveText(
      'Former les agents du CCAS à la base Info’Cité.',
    );
    // Back to what Chromium's print (and Electron's printToPDF) uses: print media.
    await page.emulateMedia({ media: null });

    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    // Every page is A4 (595.3 × 841.9 points).
    const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
    expect(boxes.length).toBeGreaterThan(1);
    for (const [, width, height] of boxes) {
      // Chromium rounds A4 (210 × 297 mm) to whole device pixels: within two points.
      expect(Math.abs(Number(width) - 595.3)).toBeLessThan(2);
      expect(Math.abs(Number(height) - 841.9)).toBeLessThan(2);
    }
    // Rendered as a reader sees it: on every page the ink stays inside the printable area (nothing cut at the
    // right edge), and page 1 holds more than a title.
    const pages = pdfInk(pdf, testInfo.outputPath());
    expect(pages.length).toBeGreaterThan(1);
    for (const ink of pages) {
      const margin = Math.round((8 / 25.4) * 50); // 8 mm at 50 dpi, inside the page's 12 mm margins
      expect(ink.right).toBeLessThan(ink.width - margin);
      expect(ink.left).toBeGreaterThan(margin);
    }
    const first = pages[0]!;
    expect(first.bottom - first.top).toBeGreaterThan(first.height / 3);
  });

  test('fits the A4 width when printed, with more than a title on page 1', async ({ page }) => {
    // A4 is 210 mm wide; less the page's 12 mm margins, 186 mm ≈ 703 CSS pixels are printable.
    const printable = Math.floor((186 / 25.4) * 96);
    // Drawn on a wide screen first, as an agent's page is before « Enregistrer en PDF ».
    await page.goto(`./#/bilan?annee=${YEAR}`);
    await expect(
      page.getByTestId('bilan-evenements-table').or(page.getByTestId('bilan-evenements-table-empty')),
    ).toBeAttached();
    await expect(page.getByTestId('bilan-chart-volumes')).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    // Run in the page (a string: the specs are type-checked without the DOM's types).
    // The page is narrowed to the printable width and measured at once, in the same task: the charts have no
    // chance to redraw themselves (as in Chromium's print layout), so only the print CSS can make them fit.
    const report = (await page.evaluate(`(() => {
      const width = ${printable};
      const root = document.querySelector('.bilan-page');
      root.style.width = width + 'px';
      root.style.margin = '0';
      const left = root.getBoundingClientRect().left;
      const wide = [];
      for (const element of root.querySelectorAll('*')) {
        const box = element.getBoundingClientRect();
        if (box.width === 0 || getComputedStyle(element).display === 'none') continue;
        if (box.right - left > width + 1 || element.scrollWidth > Math.ceil(box.width) + 1)
          wide.push(element.tagName.toLowerCase() + '.' + element.className + ' ' + Math.round(box.right) + 'px');
      }
      const sections = [...document.querySelectorAll('.bilan-section')].map((s) => getComputedStyle(s).breakBefore);
      const firstPage = document.querySelector('.bilan-section')?.textContent?.length ?? 0;
      return { wide, sections, firstPage };
    })()`)) as { wide: string[]; sections: string[]; firstPage: number };
    expect(report.wide).toEqual([]);
    // Only the sections after the first start a page: page 1 has the title, the period and the volumes.
    expect(report.sections[0]).not.toBe('page');
    expect(report.firstPage).toBeGreaterThan(100);
    expect(report.sections.slice(1).every((b) => b === 'page')).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });

  test('saves the action plan and asks before leaving it unsaved', async ({ page }) => {
    const year = Number(YEAR) - 1;
    await page.goto(`./#/bilan?annee=${year}`);
    await expect(page.getByTestId('bilan-periode')).toContainText('Année complète');
    await expect(page.getByTestId('bilan-keyfigures')).toContainText(`au 31 décembre ${year}`);
    await page.getByTestId('bilan-plan-text').fill('Renforcer la formation.');
    await page.getByTestId('plan-action').first().fill('Former le CCAS');
    await page.getByTestId('plan-responsable').first().fill('Léa Durand');
    await page
      .getByTestId('plan-echeance')
      .first()
      .fill(`${year + 1}-03-31`);
    await expect(page.getByTestId('bilan-plan-dirty')).toBeVisible();

    // Leaving asks first; dismissed, the page stays with what was typed.
    page.once('dialog', (dialog) => void dialog.dismiss());
    await page.evaluate("window.location.hash = '#/tableau'");
    await expect(page.getByTestId('bilan-plan-text')).toHaveValue('Renforcer la formation.');

    await page.getByTestId('bilan-plan-save').click();
    await expect(page.getByTestId('bilan-plan-saved')).toHaveText(`Plan d’action ${year} enregistré.`);
    await expect(page.getByTestId('bilan-plan-dirty')).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId('bilan-plan-text')).toHaveValue('Renforcer la formation.');
    await expect(page.getByTestId('plan-responsable').first()).toHaveValue('Léa Durand');
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('bilan-plan-grid')).toContainText('Léa Durand');
    await expect(page.getByTestId('bilan-plan-grid')).toContainText(`31 mars ${year + 1}`);
    await page.emulateMedia({ media: 'screen' });
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

  test('the dashboard’s « Cette année » compares with the same span of last year and says it is incomplete', async ({
    page,
  }) => {
    const today = parisDay(new Date());
    const last = `${Number(YEAR) - 1}${today.slice(4)}`.replace(/-02-29$/, '-02-28');
    const frenchDay = (day: string) =>
      new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
        .format(new Date(`${day}T00:00:00Z`))
        .replace(/^1 /, '1er ');
    await page.goto('./#/tableau?periode=annee');
    const comparison = page.getByTestId('tableau-comparaison');
    await expect(comparison).toContainText('la même période de l’année précédente');
    await expect(comparison).toContainText(`du 1er janvier ${Number(YEAR) - 1} au ${frenchDay(last)}`);
    await expect(comparison).toContainText('Période en cours : les chiffres sont incomplets.');
  });
});
