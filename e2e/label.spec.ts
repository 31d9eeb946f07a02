// A label manager grants a label in the window, and the rule refuses one: the demo seed holds « Mairie annexe
// Nord » (in instruction, rule met) and « CCAS – accueil Sud » (in instruction, rule not met).
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { addMonthsToDay, parisDay } from '../common/dates';
import { frenchDate } from '../common/french-date';
import { loginAs, seriousViolations } from './helpers';

/** Finds a point by its name through the points page's filter, and opens it. */
async function openPoint(page: Page, name: string): Promise<void> {
  await page.goto('./#/points');
  await page.getByTestId('points-filter-q').fill(name);
  const row = page.getByTestId('point-row').filter({ hasText: name });
  await expect(row).toHaveCount(1);
  await row.getByRole('link', { name, exact: true }).click();
  await expect(page.getByTestId('point-title')).toHaveText(name);
}

test.describe('le label Info’Cité', () => {
  test.beforeEach(async ({ page }) => {
    await loginAs(page, 'gestion');
  });

  test('a label manager grants the label of a point that meets the rule', async ({ page }) => {
    await openPoint(page, 'Mairie annexe Nord');
    await expect(page.getByTestId('point-label')).toContainText('En instruction');
    await expect(page).toHaveURL(/#\/points\/\d+$/);
    expect(await seriousViolations(page)).toEqual([]);

    const panel = page.getByTestId('decision-panel');
    await expect(panel.getByTestId('decision-date')).toHaveValue(parisDay(new Date()));
    // The rule's evaluation on the decision date is shown before granting.
    await expect(panel.getByTestId('rule-verdict')).toHaveAttribute('data-respectee', 'true');
    await panel.getByTestId('decide-accorder').click();

    const expiry = frenchDate(addMonthsToDay(parisDay(new Date()), 36)) ?? '';
    await expect(panel.getByTestId('decision-done')).toContainText('labellisé');
    await expect(page.getByTestId('point-label')).toContainText('Labellisé');
    await expect(page.getByTestId('point-expiry')).toContainText(expiry);
    const latest = page.getByTestId('history-item').first();
    await expect(latest).toContainText('Label accordé');
    await expect(latest).toContainText(expiry);
    // Granted, it can now be renewed, suspended or withdrawn; no longer granted.
    await expect(panel.getByTestId('decide-accorder')).toHaveCount(0);
    await expect(panel.getByTestId('decide-renouveler')).toBeVisible();

    // The point is in the public register.
    await page.goto('./#/registre');
    await expect(page.getByTestId('registre-row').filter({ hasText: 'Mairie annexe Nord' })).toContainText(
      expiry,
    );
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('the rule refuses the label of a point without enough trained agents, naming them', async ({
    page,
  }) => {
    await openPoint(page, 'CCAS – accueil Sud');
    const panel = page.getByTestId('decision-panel');
    await expect(panel.getByTestId('rule-verdict')).toHaveAttribute('data-respectee', 'false');
    await panel.getByTestId('decision-date').fill(parisDay(new Date()));
    await panel.getByTestId('decide-accorder').click();

    const error = panel.getByTestId('decision-error');
    await expect(error).toHaveAttribute('role', 'alert');
    await expect(error).toContainText(
      "Le label ne peut pas être accordé : la règle du label n'est pas respectée",
    );
    await expect(error).toContainText('non formés');
    // Every agent who counts in the rule and is not trained is named in the refusal.
    const untrained = page.getByTestId('agent-row').and(page.locator('[data-verdict="non_forme"]'));
    const names = await untrained.getByRole('rowheader').allInnerTexts();
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) await expect(error).toContainText(name.trim());
    // Nothing changed, and the form is still there.
    await expect(page.getByTestId('point-label')).toContainText('En instruction');
    await expect(panel.getByTestId('decision-date')).toHaveValue(parisDay(new Date()));
    await expect(page.getByTestId('history-item').first()).not.toContainText('Label accordé');
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('the points list filters by state, and what needs action lists the points to regularise', async ({
    page,
  }) => {
    // Two long lists of the demo (50 points, the refreshers due) each go through axe.
    test.slow();
    await page.goto('./#/points?statut=instruction');
    await expect(page.getByTestId('points-filter-statut')).toHaveValue('instruction');
    const rows = page.getByTestId('point-row');
    await expect(rows.first()).toBeVisible();
    for (const badge of await rows.getByTestId('label-statut').allInnerTexts())
      expect(badge).toBe('En instruction');
    await page.getByTestId('points-filter-statut').selectOption('');
    await expect(page).toHaveURL(/#\/points$/);
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto('./#/a-traiter');
    await expect(page.getByRole('heading', { name: /Labels à renouveler/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: /Recyclages de formation à prévoir/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: /Points à régulariser/ })).toBeVisible();
    // The demo's one labelled point below the rule, with what it lacks.
    const regularise = page.getByTestId('todo-regularise').locator('tbody tr');
    await expect(regularise).toHaveCount(1);
    await expect(regularise.getByRole('rowheader')).toHaveText('Mairie annexe Saint-Éloi');
    await expect(regularise).toContainText('en cours de validité');
    await expect(page.getByTestId('todo-refreshers').locator('tbody tr').first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
