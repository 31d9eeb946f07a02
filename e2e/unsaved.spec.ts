// Nothing typed is lost without a word: leaving a page with unsaved changes (« Fermer », a menu entry, Back)
// asks first; staying keeps everything, leaving on purpose discards it. The synonyms' refusal is shown next to
// its button, which keeps the focus.
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { api, clickNav, loginAs } from './helpers';

/** Answers the next question of the page (accept: leave; dismiss: stay) and returns what it asked. */
async function answerNextQuestion(page: Page, accept: boolean, action: () => Promise<void>): Promise<string> {
  let asked: { type: string; message: string } | null = null;
  page.once('dialog', (dialog) => {
    asked = { type: dialog.type(), message: dialog.message() };
    void (accept ? dialog.accept() : dialog.dismiss());
  });
  await action();
  await expect.poll(() => asked).not.toBeNull();
  const { type, message } = asked as unknown as { type: string; message: string };
  expect(type).toBe('confirm');
  return message;
}

test.describe('modifications non enregistrées', () => {
  test('the editor asks before « Fermer », a menu entry or Back; staying keeps what was typed', async ({
    page,
  }) => {
    await loginAs(page, 'redac');
    await page.goto('./#/redaction');
    await page.goto('./#/redaction/fiche/nouvelle');
    await expect(page.getByTestId('ed-title')).toHaveText('Nouvelle fiche');
    // Nothing typed yet: the page is left without a question.
    await page.getByTestId('ed-resume').fill('Un résumé à ne pas perdre.');
    await expect(page.getByTestId('ed-dirty')).toHaveText('Modifications non enregistrées');

    const question = await answerNextQuestion(page, false, () =>
      page.getByRole('link', { name: 'Fermer' }).click(),
    );
    expect(question).toContain('ne sont pas enregistrées');
    await expect(page).toHaveURL(/#\/redaction\/fiche\/nouvelle$/);
    await expect(page.getByTestId('ed-resume')).toHaveValue('Un résumé à ne pas perdre.');

    await answerNextQuestion(page, false, () => clickNav(page, 'vocabulaire'));
    await expect(page).toHaveURL(/#\/redaction\/fiche\/nouvelle$/);
    await expect(page.getByTestId('ed-resume')).toHaveValue('Un résumé à ne pas perdre.');

    await answerNextQuestion(page, false, async () => {
      await page.goBack();
    });
    await expect(page).toHaveURL(/#\/redaction\/fiche\/nouvelle$/);
    await expect(page.getByTestId('ed-resume')).toHaveValue('Un résumé à ne pas perdre.');

    // Leaving on purpose discards it.
    await answerNextQuestion(page, true, () => page.getByRole('link', { name: 'Fermer' }).click());
    await expect(page).toHaveURL(/#\/redaction$/);
  });

  test('a refused save in the editor is told next to its button, which keeps the focus', async ({ page }) => {
    await loginAs(page, 'redac');
    await page.goto('./#/redaction/fiche/nouvelle');
    await page.getByTestId('ed-titre').fill('Fiche sans résumé');
    const save = page.getByTestId('ed-save');
    await save.click();
    const notice = page.getByTestId('ed-notice');
    await expect(notice).toContainText("n'a pas été enregistré");
    await expect(save).toBeFocused();
    await expect(notice).toBeInViewport();
    const [noticeBox, buttonBox] = [await notice.boundingBox(), await save.boundingBox()];
    expect(noticeBox && buttonBox && Math.abs(buttonBox.y - noticeBox.y)).toBeLessThan(300);
    await expect(page.getByTestId('ed-titre')).toHaveValue('Fiche sans résumé');
  });

  test('the attendance sheet asks before being left unsaved', async ({ page, request }) => {
    const session = await api<{ id: number }>(
      request,
      'formations.create',
      { type: 'infocite', date: '2026-01-15', formateur: 'Formateur non enregistré', lieu: 'Salle e2e' },
      'gestion',
    );
    await loginAs(page, 'gestion');
    await page.goto(`./#/formations/${session.id}`);
    await page.getByTestId('attendance-search').fill('Testeuse');
    await page.getByTestId('attendance-search').fill('');
    // Add whoever the search finds first, to make a change.
    await page.getByTestId('attendance-search').fill('an');
    await page.getByTestId('attendance-add').first().click();
    await expect(page.getByTestId('attendance-row')).toHaveCount(1);

    await answerNextQuestion(page, false, () =>
      page.getByRole('link', { name: 'Retour aux formations' }).click(),
    );
    await expect(page).toHaveURL(new RegExp(`#/formations/${session.id}$`));
    await expect(page.getByTestId('attendance-row')).toHaveCount(1);

    // Saved: the page is left without a question.
    await page.getByTestId('attendance-save').click();
    await expect(page.getByTestId('form-success')).toHaveText('Présences enregistrées.');
    page.on('dialog', (dialog) => {
      throw new Error(`unexpected question: ${dialog.message()}`);
    });
    await page.getByRole('link', { name: 'Retour aux formations' }).click();
    await expect(page).toHaveURL(/#\/formations$/);
  });

  test('a record form keeps what was typed: leaving it unsaved asks, saving it does not', async ({
    page,
  }) => {
    await loginAs(page, 'gestion');
    await page.goto('./#/agents');
    await page.goto('./#/agents/nouveau');
    await page.getByTestId('agent-nom').fill('Pasperdu');
    await answerNextQuestion(page, false, async () => {
      await page.goBack();
    });
    await expect(page).toHaveURL(/#\/agents\/nouveau$/);
    await expect(page.getByTestId('agent-nom')).toHaveValue('Pasperdu');
    await page.getByTestId('agent-prenom').fill('Léon');
    page.on('dialog', (dialog) => {
      throw new Error(`unexpected question: ${dialog.message()}`);
    });
    await page.getByTestId('agent-save').click();
    await expect(page.getByTestId('agent-title')).toHaveText('Léon Pasperdu');
  });

  test('the synonyms page asks before leaving, shows a refusal next to its button and keeps the focus', async ({
    page,
  }) => {
    await loginAs(page, 'redac');
    await page.goto('./#/vocabulaire');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Synonymes et thèmes');
    // A group of one expression is refused by the core.
    await page.getByTestId('vocab-group-add').click();
    const groups = page.getByTestId('vocab-group');
    await groups.last().getByRole('textbox').fill('seul');
    const save = page.getByTestId('vocab-synonyms-save');
    await save.focus();
    await page.keyboard.press('Enter');
    const message = page.getByTestId('vocab-synonyms-message');
    await expect(message).toContainText('au moins deux expressions');
    await expect(save).toBeFocused();
    // Next to the button: on screen together, close to each other.
    const [messageBox, buttonBox] = [await message.boundingBox(), await save.boundingBox()];
    expect(messageBox && buttonBox && Math.abs(buttonBox.y - messageBox.y)).toBeLessThan(300);
    await expect(message).toBeInViewport();

    await answerNextQuestion(page, false, () => clickNav(page, 'redaction'));
    await expect(page).toHaveURL(/#\/vocabulaire$/);
    await expect(groups.last().getByRole('textbox')).toHaveValue('seul');
  });
});
