// « Pour l'usager »: a fiche laid out for the citizen fits one or two A4 pages when printed (measured on the PDF
// Chromium prints, as Electron's printToPDF does), without the agent's tools; and « Envoyer par courriel » sends
// it through the city's SMTP server (a real one, started here on the loopback), set in Réglages.
import { expect, test } from '@playwright/test';
import { mimeParts, startTestSmtp, type TestSmtp } from '../dev/test-support/smtp';
import { loginAs, seriousViolations } from './helpers';
import { pdfInk } from './pdf-pages';

const REFUSED = 'inconnu@exemple.fr';
const CITIZEN = 'usager.e2e@exemple.fr';

let smtp: TestSmtp;

test.beforeAll(async () => {
  smtp = await startTestSmtp({ refuse: (address) => address === REFUSED });
});

test.afterAll(async () => {
  await smtp.close();
});

test.describe.configure({ mode: 'serial' });

test.describe('pour l’usager', () => {
  test('lays the fiche out for the citizen and prints it on one or two A4 pages', async ({
    page,
  }, testInfo) => {
    test.slow();
    await loginAs(page, 'agent');
    await page.goto('./#/fiche/acte-etat-civil-demande');
    await expect(page.getByTestId('fiche-usager')).toContainText('Alt+U');
    await page.getByTestId('fiche-title').focus();
    await page.keyboard.press('Alt+u');
    await expect(page).toHaveURL(/#\/fiche\/acte-etat-civil-demande\/usager$/);
    await expect(page.getByTestId('handout-title')).toHaveText(
      "Demander un acte d'état civil (naissance, mariage, décès)",
    );
    await expect(page.getByTestId('handout-pieces')).toContainText("Pièce d'identité du demandeur");
    await expect(page.getByTestId('handout-facts')).toContainText('Gratuit');
    await expect(page.getByTestId('handout-service')).toHaveCount(3);
    await expect(page.getByTestId('handout-today').first()).toContainText('Aujourd’hui (');
    await expect(page.getByTestId('handout-source')).toContainText(
      'https://www.service-public.fr/particuliers/vosdroits/F1427',
    );
    await expect(page.getByTestId('handout-qr').locator('svg')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    // Printed: the sheet alone — no menu, no buttons, no e-mail form, no outcome bar.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.header')).toBeHidden();
    await expect(page.getByTestId('usager-print')).toBeHidden();
    await expect(page.getByTestId('usager-send')).toBeHidden();
    await expect(page.getByTestId('outcome-bar')).toBeHidden();
    await expect(page.getByTestId('handout')).toBeVisible();
    await page.emulateMedia({ media: null });

    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
    for (const [, width, height] of boxes) {
      expect(Math.abs(Number(width) - 595.3)).toBeLessThan(2);
      expect(Math.abs(Number(height) - 841.9)).toBeLessThan(2);
    }
    // One or two pages, every one inside the printable area, page 1 well filled.
    const pages = pdfInk(pdf, testInfo.outputPath(), 5);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(2);
    const margin = Math.round((8 / 25.4) * 50); // 8 mm at 50 dpi, inside the page's 12 mm margins
    for (const ink of pages) {
      expect(ink.left).toBeGreaterThan(margin);
      expect(ink.right).toBeLessThan(ink.width - margin);
    }
    const first = pages[0]!;
    expect(first.bottom - first.top).toBeGreaterThan(first.height / 3);

    // Esc goes back to the fiche.
    await page.getByTestId('handout-title').focus();
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(/#\/fiche\/acte-etat-civil-demande$/);
  });

  test('the administrator sets the city’s SMTP server in Réglages and tests it', async ({ page }) => {
    await loginAs(page, 'admin');
    await page.goto('./#/reglages');
    const form = page.getByTestId('smtp-form');
    await expect(form).toBeVisible();
    await page.getByTestId('smtp-hote').fill('127.0.0.1');
    await page.getByTestId('smtp-port').fill('');
    await page.getByTestId('smtp-save').click();
    // Refused beside the field, nothing typed lost.
    await expect(page.getByTestId('smtp-port-error')).toContainText('port');
    await expect(page.getByTestId('smtp-hote')).toHaveValue('127.0.0.1');
    await page.getByTestId('smtp-port').fill(String(smtp.port));
    await page.getByTestId('smtp-securite').selectOption('aucune');
    await page.getByTestId('smtp-expediteur').fill('accueil@montrouval.fr');
    await page.getByTestId('smtp-nom').fill('Accueil de Montrouval');
    await page.getByTestId('smtp-test').click();
    await expect(page.getByTestId('smtp-notice')).toContainText('répond et accepte la connexion');
    await page.getByTestId('smtp-save').click();
    await expect(page.getByTestId('smtp-notice')).toHaveText('Réglages de messagerie enregistrés.');
    expect(smtp.received).toHaveLength(0);
  });

  test('the agent sends the fiche by e-mail: the address checked, refused, then sent', async ({ page }) => {
    await loginAs(page, 'agent');
    await page.goto('./#/fiche/acte-etat-civil-demande/usager');
    const field = page.getByTestId('usager-courriel');
    const send = page.getByTestId('usager-send-button');

    await field.fill('pas une adresse');
    await send.click();
    await expect(page.getByTestId('usager-courriel-error')).toContainText('adresse électronique valide');
    await expect(field).toHaveValue('pas une adresse');

    await field.fill(REFUSED);
    await send.click();
    await expect(page.getByTestId('usager-courriel-error')).toContainText('a refusé cette adresse');
    await expect(field).toHaveValue(REFUSED);
    expect(smtp.received).toHaveLength(0);

    await field.fill(CITIZEN);
    await send.click();
    await expect(page.getByTestId('usager-sent')).toHaveText('Fiche envoyée. L’adresse n’est pas conservée.');
    await expect(field).toHaveValue('');

    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail?.to).toEqual([CITIZEN]);
    const parts = mimeParts(mail?.raw ?? '');
    for (const type of ['text/plain', 'text/html']) {
      const body = parts.find((part) => part.type === type)?.body ?? '';
      expect(body).toContain(
        "Demander un acte d'état civil".replace("'", type === 'text/html' ? '&#39;' : "'"),
      );
      expect(body).toContain('Pièces à fournir');
      expect(body).toContain('https://www.service-public.fr/particuliers/vosdroits/F1427');
    }
    expect(parts.some((part) => part.type === 'image/png')).toBe(true);
  });
});
