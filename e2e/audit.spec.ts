// The audit trail reads like a register: the records named, the label's states with their accents, nested
// values as field lists, Paris time; and the filtered rows export to CSV.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { api, loginAs, seriousViolations } from './helpers';

test.describe('le journal d’audit', () => {
  test('names records, writes codes in French, and exports to CSV', async ({ page, browser }) => {
    const manager = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    const point = await api<{ id: number }>(
      manager.request,
      'points.create',
      {
        code: 'annexe-audit',
        nom: 'Mairie annexe',
        entite: 'ville',
        type: 'physique',
        voie: '',
        complement: '',
        code_postal: '',
        commune: '',
        horaires: '',
        contact_id: '',
        ouvert: true,
      },
      'gestion',
    );
    await api(manager.request, 'label.decide', { pointId: point.id, action: 'demander' }, 'gestion');
    await api(
      manager.request,
      'bilan.plan.set',
      {
        annee: 2025,
        texte: 'Former',
        actions: [
          {
            constat: '',
            action: 'Former le CCAS',
            responsable: 'Léa Durand',
            echeance: '2026-03-31',
            suivi: '',
          },
        ],
      },
      'gestion',
    );
    await manager.close();

    await loginAs(page, 'admin');
    await page.goto('./#/audit?objet=label');
    const rows = page.getByTestId('audit-row');
    const label = rows.filter({ hasText: 'Mairie annexe' });
    await expect(label).toHaveCount(1);
    await expect(label.getByTestId('audit-objet')).toHaveText('label de la Mairie annexe');
    await expect(label).toContainText('Demandé');
    await expect(label).toContainText('Demande de label');

    await page.goto('./#/audit?objet=point');
    await expect(rows.filter({ hasText: 'annexe-audit' }).getByTestId('audit-objet')).toHaveText(
      'point Mairie annexe',
    );

    await page.goto('./#/audit?objet=plan_action');
    const plan = rows.first();
    await expect(plan.getByTestId('audit-objet')).toHaveText('plan d’action 2025');
    await expect(plan).toContainText('actions 1 › responsable');
    await expect(plan).toContainText('31 mars 2026');
    await expect(plan).not.toContainText('{');
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto('./#/audit?objet=label');
    await expect(label).toHaveCount(1);
    const download = page.waitForEvent('download');
    await page.getByTestId('audit-csv').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^journal-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await file.path())!, 'utf8');
    expect(csv).toContain('Date (heure de Paris);Auteur;Action;Objet;Changements');
    expect(csv).toContain('label de la Mairie annexe');
    expect(csv).toContain('statut : Non labellisé → Demandé');
    expect(csv).not.toContain('plan d’action');
  });
});
