// One keystroke per contact: an agent searches, opens a fiche and logs the outcome with the keyboard, cancels
// one from the toast, logs others (an orientation, a « non résolu » with its reason, a quick « Répondu » by
// thème), corrects one in « Mes contacts du jour »; then the label manager sees them in the dashboard.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parisDay } from '../common/dates';
import type { Tableau } from '../common/indicateurs/types';
import { api, loginAs, search, seriousViolations } from './helpers';

const NONSENSE = 'xylophone zébré';

/** This month so far, as the dashboard shows it by default. */
function thisMonth() {
  const today = parisDay(new Date());
  return { du: `${today.slice(0, 8)}01`, au: today, granularite: 'jour' as const };
}

function issueCount(tableau: Tableau, issue: string): number {
  return tableau.issues.find((line) => line.issue === issue)?.nombre ?? 0;
}

let before: Tableau;

test.describe.serial('le journal des contacts', () => {
  test('an agent logs contacts with one key each, cancels one and corrects another', async ({
    page,
    request,
  }) => {
    before = await api<Tableau>(request, 'indicateurs.tableau', thisMonth(), 'gestion');
    await loginAs(page, 'agent');
    const bar = page.getByTestId('outcome-bar');
    // No contact yet: the bar only offers the quick answers by thème.
    await expect(bar).toHaveAttribute('data-open', 'false');
    await expect(bar.getByTestId('quick-theme').first()).toBeVisible();

    // The first keystroke opens the contact; the fiche opened names its service on the second key.
    await search(page, 'passeport');
    await expect(bar).toHaveAttribute('data-open', 'true');
    await page.getByTestId('search-input').press('Enter');
    await expect(page.getByTestId('fiche-title')).toBeFocused();
    const toService = bar.getByTestId('outcome-oriente_fiche');
    await expect(toService).toBeEnabled();
    await expect(toService).toContainText('Orienté vers ');
    const serviceName = ((await toService.textContent()) ?? '').replace(/^2\s*Orienté vers /, '').trim();
    expect(await seriousViolations(page)).toEqual([]);

    // « 1 »: logged, the toast says so, and the desk is ready for the next person.
    await page.keyboard.press('1');
    const toast = page.getByTestId('outcome-toast');
    await expect(toast).toContainText('Contact enregistré : Répondu');
    await expect(page.getByTestId('outcome-toast-region')).toHaveAttribute('role', 'status');
    await expect(page.getByTestId('search-input')).toHaveValue('');
    await expect(page.getByTestId('search-input')).toBeFocused();
    await expect(bar).toHaveAttribute('data-open', 'false');

    // « Annuler » takes it back, and the contact comes back as it was: « 2 » now orients it instead.
    await toast.getByTestId('outcome-undo').click();
    await expect(page.getByTestId('outcome-note')).toContainText('Contact annulé');
    await expect(bar).toHaveAttribute('data-open', 'true');
    await page.keyboard.press('2');
    await expect(page.getByTestId('outcome-toast')).toContainText(`Orienté vers ${serviceName}`);

    // A search with no answer; Alt+6 from inside the search box (a plain 6 would be typed), then the reason.
    await page.getByTestId('search-input').fill(NONSENSE);
    await expect(page.getByTestId('result-count')).toHaveText('Aucun résultat');
    await page.keyboard.press('6');
    await expect(page.getByTestId('search-input')).toHaveValue(`${NONSENSE}6`);
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Alt+6');
    await expect(bar.getByTestId('motif-choice')).toBeVisible();
    await expect(bar.getByTestId('motif-pas_de_fiche')).toBeFocused();
    await page.keyboard.press('1');
    await expect(page.getByTestId('outcome-toast')).toContainText('Non résolu (pas de fiche)');

    // A contact answered without a search: one click on its thème.
    const theme = bar.getByTestId('quick-theme').first();
    const themeName = ((await theme.textContent()) ?? '').replace('Répondu : ', '').trim();
    await theme.click();
    await expect(page.getByTestId('outcome-toast')).toContainText(`Répondu (${themeName})`);

    // The agent's contacts of the day: three, the latest first; the « non résolu » is corrected.
    await page.goto('./#/mes-contacts');
    const rows = page.getByTestId('journal-row');
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(0).getByTestId('journal-issue')).toHaveText('Répondu (premier niveau)');
    await expect(rows.nth(1).getByTestId('journal-issue')).toHaveText('Non résolu – pas de fiche');
    await expect(rows.nth(2).getByTestId('journal-issue')).toHaveText('Orienté vers le service de la fiche');
    expect(await seriousViolations(page)).toEqual([]);
    await rows.nth(1).getByTestId('journal-edit').click();
    const form = page.getByTestId('correction-form');
    await form.getByTestId('correction-motif').selectOption('hors_competence');
    await form.getByTestId('correction-save').click();
    await expect(page.getByTestId('journal-status')).toContainText('a été corrigé');
    await expect(rows.nth(1).getByTestId('journal-issue')).toHaveText('Non résolu – hors compétence');
  });

  test('the label manager sees them in the dashboard, exports a table and sets an objective', async ({
    page,
  }) => {
    await loginAs(page, 'gestion');
    await page.goto('./#/tableau');
    await expect(page.getByTestId('tableau-periode')).toContainText('Contacts du');
    const contactsBefore = before.indicateurs.find((indicator) => indicator.code === 'contacts')?.valeur ?? 0;
    await expect(page.getByTestId('indicator-contacts-value')).toHaveText(String(contactsBefore + 3));

    const issueRow = (label: string) => page.getByTestId('issues-table-row').filter({ hasText: label });
    await expect(issueRow('Non résolu').locator('td').first()).toHaveText(
      String(issueCount(before, 'non_resolu') + 1),
    );
    await expect(issueRow('Répondu (premier niveau)').locator('td').first()).toHaveText(
      String(issueCount(before, 'repondu') + 1),
    );
    const motif = page.getByTestId('motifs-table-row').filter({ hasText: 'Hors compétence' });
    const motifBefore = before.motifs.find((line) => line.motif === 'hors_competence')?.nombre ?? 0;
    await expect(motif.locator('td').first()).toHaveText(String(motifBefore + 1));
    await expect(page.getByTestId('recherches-sans-resultat-table')).toContainText(NONSENSE);
    await expect(page.getByTestId('recherches-non-resolues-table')).toContainText(NONSENSE);
    // Every chart is a described picture beside its table.
    await expect(page.getByTestId('chart-volumes')).toHaveAttribute('role', 'img');
    await expect(page.getByTestId('chart-volumes')).toHaveAttribute('aria-label', /Histogramme/);
    await expect(page.getByTestId('affluence-table')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    // The filters live in the URL.
    await page.getByTestId('filtre-canal').selectOption('courrier');
    await expect(page).toHaveURL(/#\/tableau\?canal=courrier$/);
    await expect(page.getByTestId('indicator-contacts-value')).toHaveText(/^\d+$/);
    await page.getByTestId('filtre-canal').selectOption('');
    await expect(page).toHaveURL(/#\/tableau$/);

    // « Exporter en CSV » hands the core's file to the downloads.
    const download = page.waitForEvent('download');
    await page.getByTestId('csv-issues').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^indicateurs-issues-.*\.csv$/);
    const csv = readFileSync((await file.path())!, 'utf8');
    expect(csv).toContain('Non résolu');

    // An objective: the indicator gets its status badge.
    await page.getByTestId('objectif-indicateur').selectOption('taux_premier_niveau');
    await page.getByTestId('objectif-cible').fill('80');
    await page.getByTestId('objectif-marge').fill('5');
    await page.getByTestId('objectif-save').click();
    await expect(page.getByTestId('objectives-status')).toContainText('Objectif enregistré');
    await expect(page.getByTestId('objectives-list')).toContainText('au moins 80 %');
    await expect(page.getByTestId('indicator-taux_premier_niveau-status')).toHaveText(
      /^(Atteint|Proche|Non atteint)$/,
    );
  });
});
