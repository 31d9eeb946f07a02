// An internal audit from plan to report to a corrective action closed: a label manager plans a mystery visit
// with an auditor (an agent holding the « Auditeur interne » training), fills it in, records a major finding,
// finishes it, raises a corrective action from the finding, closes the action with its evidence (which lifts
// the finding), and the report prints to a PDF of whole A4 pages.
import { expect, test } from '@playwright/test';
import { addDaysToDay, parisDay } from '../common/dates';
import { api, loginAs, seriousViolations } from './helpers';
import { pdfInk } from './pdf-pages';

const POINT = 'Mairie annexe Nord';

test.describe('audits internes et actions correctives', () => {
  test('plan, fill, a major finding, an action raised and closed, the report printed', async ({
    page,
    request,
  }, testInfo) => {
    test.slow();
    const today = parisDay(new Date());
    // An auditor: an agent who attended an « Auditeur interne » session a month ago.
    const suffix = String(Date.now()).slice(-6);
    const auditor = await api<{ id: number }>(
      request,
      'agents.create',
      { nom: `Audit${suffix}`, prenom: 'Inès', service: 'Qualité', courriel: '', actif: true },
      'gestion',
    );
    const session = await api<{ id: number }>(
      request,
      'formations.create',
      {
        type: 'auditeur_interne',
        date: addDaysToDay(today, -30),
        formateur: 'AFNOR',
        lieu: 'Salle du conseil',
      },
      'gestion',
    );
    await api(
      request,
      'formations.attendance',
      { sessionId: session.id, entries: [{ agentId: auditor.id, statut: 'present' }] },
      'gestion',
    );

    await loginAs(page, 'gestion');
    await page.goto('./#/controles');
    const plan = page.getByTestId('plan-form');
    await plan.getByTestId('plan-point').selectOption({ label: POINT });
    await plan.getByTestId('plan-grille').selectOption({ index: 1 });
    await plan.getByTestId('plan-mode').selectOption('visite_mystere');
    await plan.getByTestId('plan-date').fill(today);
    await plan.getByTestId('plan-auditeur').selectOption({ label: `Inès Audit${suffix}` });
    await plan.getByTestId('plan-save').click();
    await expect(page).toHaveURL(/#\/controles\/\d+$/);
    await expect(page.getByTestId('controle-title')).toContainText(POINT);
    expect(await seriousViolations(page)).toEqual([]);

    // Finishing with criteria unanswered points at them and keeps what was typed.
    await page.getByTestId('critere-c1-non_conforme').check();
    await page.locator('#critere-c1-commentaire').fill('Sol sale à l’entrée');
    await page.getByTestId('controle-finish').click();
    await expect(page.getByTestId('controle-missing')).toContainText('18 critère(s) sans réponse');
    await expect(page.getByTestId('critere-c2')).toHaveAttribute('data-missing', 'true');
    await expect(page.getByTestId('critere-c1-non_conforme')).toBeChecked();

    const conformes = page.locator('input[data-testid$="-conforme"]');
    const count = await conformes.count();
    for (let i = 1; i < count; i++) await conformes.nth(i).check();

    const finding = page.getByTestId('constat-form');
    await finding.getByTestId('constat-gravite').selectOption('majeure');
    await finding.getByTestId('constat-critere').selectOption('c1');
    await finding.getByTestId('constat-texte').fill('Espace d’accueil sale, signalétique absente.');
    await finding.getByTestId('constat-add').click();
    await expect(page.getByTestId('constat')).toHaveCount(1);
    await page.getByTestId('controle-finish').click();
    await expect(page.getByTestId('controle-title')).toContainText('Rapport d’audit interne');
    await expect(page.getByTestId('controle-results')).toContainText(
      '18 critère(s) conforme(s), 1 non conforme(s)',
    );
    await expect(page.getByTestId('report-row').first()).toHaveAttribute('data-resultat', 'non_conforme');
    const constat = page.getByTestId('constat');
    await expect(constat).toHaveAttribute('data-statut', 'ouvert');

    // A corrective action from the finding.
    await constat.getByTestId('constat-raise').click();
    const form = constat.getByTestId('action-from-constat');
    await form.getByLabel('Action corrective').fill('Nettoyage quotidien et pose de panneaux');
    await form.getByLabel('Responsable').fill('Services techniques');
    await form.getByLabel('Échéance').fill(addDaysToDay(today, 20));
    await form.getByTestId('action-create').click();
    await expect(constat.getByTestId('constat-actions')).toContainText('Nettoyage quotidien');
    const reportUrl = page.url();

    // The point's page lists the audit and its open major finding.
    await page.goto('./#/points');
    await page.getByTestId('points-filter-q').fill(POINT);
    await page
      .getByTestId('point-row')
      .filter({ hasText: POINT })
      .getByRole('link', { name: POINT, exact: true })
      .click();
    await expect(page.getByTestId('point-constats')).toContainText('Espace d’accueil sale');

    // Closed: « faite » needs its evidence, said next to the field.
    await page.goto(reportUrl);
    await constat.getByTestId('constat-actions').getByRole('link').click();
    await expect(page).toHaveURL(/#\/actions\/\d+$/);
    await page.getByTestId('action-statut').selectOption('faite');
    await page.getByTestId('action-save').click();
    await expect(page.getByTestId('action-preuve-error')).toContainText('preuve de réalisation');
    await page.getByTestId('action-preuve').fill('Contrat de nettoyage signé, photos des panneaux.');
    await page.getByTestId('action-save').click();
    await expect(page).toHaveURL(/#\/actions$/);

    // Done, the action lifted the finding; the report prints.
    await page.goto(reportUrl);
    await expect(page.getByTestId('constat')).toHaveAttribute('data-statut', 'leve');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.header')).toBeHidden();
    await expect(page.getByTestId('controle-pdf')).toBeHidden();
    await page.emulateMedia({ media: null });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdfInk(pdf, testInfo.outputPath(), 10);
    // Nineteen criteria in eight themes, the findings: more than one page, none of them blank or cut.
    expect(pages.length).toBeGreaterThan(1);
    for (const ink of pages) {
      expect(ink.inkedRows).toBeGreaterThan(0);
      expect(ink.right).toBeLessThan(ink.width - Math.round((8 / 25.4) * 50));
    }
  });
});
