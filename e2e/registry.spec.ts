// The registries in the window: a label manager records a training session and its attendance and sees the
// agent's training « à jour », imports agents from a CSV file with a rejected line, and creates a point.
import { expect, test } from '@playwright/test';
import { loginAs, seriousViolations } from './helpers';

test.describe('registres : agents et formations', () => {
  test.beforeEach(async ({ page }) => {
    await loginAs(page, 'gestion');
  });

  test('une session de formation, ses présences, et la formation de l’agent « à jour »', async ({ page }) => {
    // A new agent, never trained.
    await page.goto('./#/agents/nouveau');
    await page.getByTestId('agent-save').click();
    await expect(page.getByTestId('agent-nom-error')).toHaveText('Indiquez le nom.');
    await page.getByTestId('agent-nom').fill('Testeuse');
    await page.getByTestId('agent-prenom').fill('Élodie');
    await page.getByTestId('agent-service').fill('Accueil e2e');
    await page.getByTestId('agent-save').click();
    await expect(page.getByTestId('agent-title')).toHaveText('Élodie Testeuse');
    await expect(page.getByTestId('training-status-infocite')).toHaveText('Jamais suivie');

    // A session of the Info'Cité training today, with her present.
    await page.goto('./#/formations/nouvelle');
    await page.getByTestId('session-type').selectOption('infocite');
    await page.getByTestId('session-formateur').fill('Formatrice e2e');
    await page.getByTestId('session-lieu').fill('Salle e2e');
    await page.getByTestId('session-save').click();
    await expect(page.getByTestId('session-title')).toContainText("Utilisation de la base Info'Cité");

    await page.getByTestId('attendance-search').fill('Testeuse');
    await page.getByTestId('attendance-add').click();
    const row = page.getByTestId('attendance-row').filter({ hasText: 'Testeuse' });
    await expect(row.getByTestId('presence-inscrit')).toBeChecked();
    await row.getByTestId('presence-present').check();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('attendance-save').click();
    await expect(page.getByTestId('form-success')).toHaveText('Présences enregistrées.');
    await expect(page.getByTestId('session-counts')).toContainText('1 présent');

    // Her page now shows the training up to date, and so does the agents list.
    await row.getByRole('link', { name: 'Testeuse Élodie' }).click();
    await expect(page.getByTestId('training-status-infocite')).toHaveText('À jour');
    await page.goto('./#/agents?formation=a_jour&q=testeuse');
    await expect(page.getByTestId('agent-row')).toHaveCount(1);
    await expect(page.getByTestId('agent-infocite')).toHaveText('À jour');
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('un import CSV : la ligne refusée et sa raison, puis l’import des lignes valides', async ({
    page,
  }) => {
    await page.goto('./#/agents/import');
    const csv = [
      'Nom;Prénom;Service;Courriel;Point;Date d’affectation',
      'Importée;Inès;État civil;ines.importee@montrouval.fr;mairie-annexe-nord;15/01/2025',
      'Refusée;Rémi;;;nulle-part;01/02/2025',
    ].join('\r\n');
    await page.getByTestId('agents-csv-file').setInputFiles({
      name: 'agents.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF${csv}`, 'utf-8'),
    });
    await expect(page.getByTestId('agents-csv-text')).toHaveValue(/Importée;Inès/);

    await page.getByTestId('agents-csv-check').click();
    await expect(page.getByTestId('import-report-summary')).toContainText('Rien n’a encore été enregistré');
    const rejected = page.getByTestId('import-rejected-row');
    await expect(rejected).toHaveCount(1);
    await expect(rejected).toContainText('3');
    await expect(rejected).toContainText('aucun point d’accueil n’a le code « nulle-part »');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId('agents-csv-import').click();
    await expect(page.getByTestId('import-report-summary')).toContainText(
      '1 ligne importée, 1 ligne refusée',
    );
    await expect(page.getByTestId('import-report-counts')).toContainText('Agents créés : 1');

    await page.goto('./#/agents?q=ines%20importee');
    await expect(page.getByTestId('agent-row')).toHaveCount(1);
    await expect(page.getByTestId('agent-row')).toContainText('Mairie annexe Nord');
  });

  test('un nouveau point d’accueil, avec son service de l’annuaire', async ({ page }) => {
    await page.goto('./#/points/nouveau');
    await page.getByTestId('point-code').fill('e2e-point');
    await page.getByTestId('point-save').click();
    await expect(page.getByTestId('point-nom-error')).toHaveText('Indiquez le nom du point.');
    await expect(page.getByTestId('point-nom')).toBeFocused();
    // What was typed stays.
    await expect(page.getByTestId('point-code')).toHaveValue('e2e-point');

    await page.getByTestId('point-nom').fill('Point e2e');
    await page.getByTestId('point-entite').selectOption('ville');
    await page.getByTestId('point-type').selectOption('mixte');
    await page.getByTestId('point-contact-search').fill('mairie');
    await page.getByTestId('contact-choose').first().click();
    await expect(page.getByTestId('contact-chosen')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('point-save').click();
    await expect(page).toHaveURL(/#\/points\/\d+$/);

    // The same code again is refused next to the field.
    await page.goto('./#/points/nouveau');
    await page.getByTestId('point-code').fill('E2E-POINT');
    await page.getByTestId('point-nom').fill('Doublon');
    await page.getByTestId('point-entite').selectOption('ccas');
    await page.getByTestId('point-type').selectOption('physique');
    await page.getByTestId('point-save').click();
    await expect(page.getByTestId('point-code-error')).toContainText('est déjà celui du point « Point e2e »');
    await expect(page.getByTestId('point-nom')).toHaveValue('Doublon');
  });
});
