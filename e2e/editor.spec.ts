// The editors' window: a rédacteur writes a fiche and an agent finds it a second later; a fiche changed on disk
// by someone else while it was open shows both versions and lets the editor choose; a draft stays invisible to
// agents (refused by the core, not only hidden); and the agents' « pas utile » reaches the editors' backlog.
import type { Browser, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { api, loginAs, seriousViolations } from './helpers';

/** A second person at another window: their own browser context, so their own session. */
async function secondWindow(browser: Browser, who: 'agent' | 'redac'): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await loginAs(page, who);
  return page;
}

interface Hit {
  id: string;
}

async function agentSearch(page: Page, q: string): Promise<string[]> {
  const answer = await api<{ results: Hit[] }>(page.request, 'search.query', { q }, 'agent');
  return answer.results.map((hit) => hit.id);
}

/** A local fiche written through the API (as another editor's window would), for the tests to work on. */
async function writeFiche(page: Page, id: string, resume: string, body: string): Promise<void> {
  const result = await api<{ status: string }>(page.request, 'redaction.save', {
    kind: 'fiche',
    id,
    frontMatter: {
      id,
      titre: `Fiche de test ${id}`,
      resume,
      themes: ['vie-pratique'],
      mise_a_jour: '2026-01-15',
      statut: 'publiee',
    },
    body,
    baseVersion: null,
  });
  expect(result.status).toBe('saved');
}

test.describe('rédaction', () => {
  test('a rédacteur creates a fiche; an agent finds it in search about a second later', async ({
    page,
    browser,
  }) => {
    await loginAs(page, 'redac');
    const agent = await secondWindow(browser, 'agent');

    await page.goto('./#/redaction');
    await page.getByTestId('redaction-new-fiche').click();
    await expect(page.getByTestId('ed-title')).toHaveText('Nouvelle fiche');
    await page.getByTestId('ed-titre').fill('Parcelle de jardin zinnia');
    await expect(page.getByTestId('ed-id')).toHaveValue('parcelle-de-jardin-zinnia');
    await page
      .getByTestId('ed-resume')
      .fill('Les jardins partagés zinnia prêtent une parcelle aux habitants.');
    await page.getByTestId('ed-theme-vie-pratique').check();
    await page.getByTestId('ed-mots_cles').fill('potager\njardin familial');
    await page.getByTestId('ed-statut-publiee').check();
    await page.getByTestId('ed-body').fill('## Démarche\n\nDemander une parcelle au ');
    // The service picker inserts a link at the cursor, and the preview renders it as the agents will see it.
    await page.getByTestId('ed-link-service-q').fill('etat civil');
    await page.getByTestId('ed-link-service-option').first().click();
    await expect(page.getByTestId('ed-body')).toHaveValue(/\[.+\]\(contact:[a-z0-9-]+\)$/);
    await expect(page.getByTestId('ed-preview').locator('h2')).toHaveText('Démarche');
    await expect(page.getByTestId('ed-preview').locator('a')).toHaveCount(1);
    await expect(page.getByTestId('ed-problems-ok')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId('ed-save').click();
    await expect(page.getByTestId('ed-notice')).toHaveText('Fiche enregistrée.');
    const saved = Date.now();
    await expect(page).toHaveURL(/#\/redaction\/fiche\/parcelle-de-jardin-zinnia$/);
    await expect(page.getByTestId('ed-path')).toHaveText('fiches/parcelle-de-jardin-zinnia.md');

    // The agent's search finds it within about a second of the save.
    await expect
      .poll(() => agentSearch(agent, 'zinnia'), { timeout: 2000, intervals: [100] })
      .toContain('parcelle-de-jardin-zinnia');
    expect(Date.now() - saved).toBeLessThan(2000);
    await agent.goto('./#/?q=zinnia');
    await expect(agent.getByTestId('result-item').first()).toContainText('Parcelle de jardin zinnia');
    await agent.getByTestId('result-item').first().click();
    await expect(agent.getByTestId('fiche-title')).toHaveText('Parcelle de jardin zinnia');
    // An agent has no « Modifier »; a rédacteur has.
    await expect(agent.getByTestId('fiche-edit')).toHaveCount(0);
    await page.goto('./#/fiche/parcelle-de-jardin-zinnia');
    await page.getByTestId('fiche-edit').click();
    await expect(page.getByTestId('ed-title')).toContainText('Parcelle de jardin zinnia');
    await agent.context().close();
  });

  test('an invalid fiche is not saved and keeps everything typed', async ({ page }) => {
    await loginAs(page, 'redac');
    await page.goto('./#/redaction/fiche/nouvelle');
    await page.getByTestId('ed-titre').fill('Fiche incomplète');
    await page.getByTestId('ed-body').fill('Voir [une fiche](fiche:nexiste-pas).');
    // Checked as one types: the missing résumé and the broken link, in French, next to their fields.
    await expect(page.getByTestId('ed-resume-error')).toContainText('résumé');
    await expect(page.getByTestId('ed-body-warning')).toContainText('Lien cassé');
    await page.keyboard.press('Control+s');
    await expect(page.getByTestId('ed-notice')).toContainText("n'a pas été enregistré");
    await expect(page.getByTestId('ed-titre')).toHaveValue('Fiche incomplète');
    await expect(page.getByTestId('ed-body')).toHaveValue('Voir [une fiche](fiche:nexiste-pas).');
    await expect(page).toHaveURL(/#\/redaction\/fiche\/nouvelle$/);
  });

  test('a fiche changed on disk since it was opened: both versions shown, the editor chooses', async ({
    page,
    browser,
  }, testInfo) => {
    // Two windows and five saves: twice the time of a one-window test.
    test.slow();
    // A retry starts from a fiche of its own: the failed attempt's fiche already exists, and a new one must not.
    const id = `e2e-conflit-${testInfo.retry}`;
    await loginAs(page, 'redac');
    await writeFiche(page, id, 'Résumé d’origine.', 'Texte d’origine.');
    const other = await secondWindow(browser, 'redac');

    // Both open the fiche; the other editor saves first.
    await page.goto(`./#/redaction/fiche/${id}`);
    await expect(page.getByTestId('ed-resume')).toHaveValue('Résumé d’origine.');
    await other.goto(`./#/redaction/fiche/${id}`);
    await expect(other.getByTestId('ed-resume')).toHaveValue('Résumé d’origine.');
    await other.getByTestId('ed-resume').fill('Résumé de l’autre rédacteur.');
    await other.getByTestId('ed-save').click();
    await expect(other.getByTestId('ed-notice')).toHaveText('Fiche enregistrée.');

    await page.getByTestId('ed-resume').fill('Mon résumé.');
    await page.getByTestId('ed-body').fill('Mon texte.');
    await page.keyboard.press('Control+s');
    const conflict = page.getByTestId('conflict');
    await expect(conflict).toBeVisible();
    const resume = conflict.getByTestId('conflict-field').filter({ hasText: 'resume' });
    await expect(resume.getByTestId('conflict-mine')).toHaveText('Mon résumé.');
    await expect(resume.getByTestId('conflict-disk')).toHaveText('Résumé de l’autre rédacteur.');
    await expect(conflict.getByTestId('conflict-body-mine')).toHaveText('Mon texte.');
    await expect(conflict.getByTestId('conflict-body-disk')).toHaveText('Texte d’origine.');
    // Nothing was overwritten.
    const onDisk = await api<{ frontMatter: { resume: string }; body: string }>(
      page.request,
      'redaction.open',
      {
        kind: 'fiche',
        id,
      },
    );
    expect(onDisk.frontMatter.resume).toBe('Résumé de l’autre rédacteur.');
    expect(await seriousViolations(page)).toEqual([]);

    // « Garder ma version »: written over the version just seen.
    await conflict.getByTestId('conflict-keep-mine').click();
    await expect(page.getByTestId('ed-notice')).toHaveText('Fiche enregistrée.');
    await expect(conflict).toHaveCount(0);
    const mine = await api<{ frontMatter: { resume: string }; body: string }>(
      page.request,
      'redaction.open',
      {
        kind: 'fiche',
        id,
      },
    );
    expect(mine.frontMatter.resume).toBe('Mon résumé.');
    expect(mine.body).toBe('Mon texte.');

    // Again, and this time « Reprendre la version du disque »: the form takes it, what was typed stays readable.
    await other.reload();
    await expect(other.getByTestId('ed-resume')).toHaveValue('Mon résumé.');
    await other.getByTestId('ed-resume').fill('Résumé repris.');
    await other.getByTestId('ed-save').click();
    await expect(other.getByTestId('ed-notice')).toHaveText('Fiche enregistrée.');
    await page.getByTestId('ed-body').fill('Texte que je vais abandonner.');
    await page.getByTestId('ed-save').click();
    await expect(conflict).toBeVisible();
    await conflict.getByTestId('conflict-take-disk').click();
    await expect(page.getByTestId('ed-resume')).toHaveValue('Résumé repris.');
    await expect(page.getByTestId('ed-body')).toHaveValue('Mon texte.');
    await expect(page.getByTestId('discarded')).toContainText('Texte que je vais abandonner.');
    await page.getByTestId('ed-resume').fill('Résumé repris et complété.');
    await page.getByTestId('ed-save').click();
    await expect(page.getByTestId('ed-notice')).toHaveText('Fiche enregistrée.');
    const last = await api<{ frontMatter: { resume: string } }>(page.request, 'redaction.open', {
      kind: 'fiche',
      id,
    });
    expect(last.frontMatter.resume).toBe('Résumé repris et complété.');
    await other.context().close();
  });

  test('a draft is invisible to agents: not in their search, refused by the core on its page', async ({
    page,
    browser,
  }) => {
    await loginAs(page, 'redac');
    const agent = await secondWindow(browser, 'agent');
    await page.goto('./#/redaction/fiche/nouvelle?titre=Brouillon%20zeugma');
    await expect(page.getByTestId('ed-titre')).toHaveValue('Brouillon zeugma');
    await expect(page.getByTestId('ed-statut-brouillon')).toBeChecked();
    await page.getByTestId('ed-resume').fill('Une fiche zeugma pas encore validée.');
    await page.getByTestId('ed-theme-vie-pratique').check();
    await page.getByTestId('ed-save').click();
    await expect(page.getByTestId('ed-notice')).toContainText('brouillon');
    await expect(page.getByTestId('ed-statut-badge')).toHaveText('Brouillon');

    // Once the desk's knowledge holds it (the editors' list shows it), the agent's search still does not.
    await expect
      .poll(async () => {
        const list = await api<{ items: Hit[] }>(page.request, 'redaction.list', { q: 'zeugma' });
        return list.items.map((item) => item.id);
      })
      .toContain('brouillon-zeugma');
    expect(await agentSearch(agent, 'zeugma')).not.toContain('brouillon-zeugma');
    await page.goto('./#/redaction?statut=brouillon&q=zeugma');
    await expect(page.getByTestId('redaction-row')).toHaveCount(1);
    await expect(page.getByTestId('badge-brouillon')).toBeVisible();

    // The agent's window: the core refuses the fiche.
    await agent.goto('./#/fiche/brouillon-zeugma');
    await expect(agent.getByTestId('error-message')).toContainText("n'existe pas ou n'est pas publiée");
    const refused = await agent.request.post('api/fiches.get', { data: { id: 'brouillon-zeugma' } });
    expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'not_found' } });

    // The rédacteur sees it, marked as a draft.
    await page.goto('./#/fiche/brouillon-zeugma');
    await expect(page.getByTestId('fiche-draft')).toContainText('Brouillon');
    await agent.context().close();
  });

  test('an agent’s « pas utile » and a search with no result reach the editors’ backlog', async ({
    page,
    browser,
  }) => {
    const agent = await secondWindow(browser, 'agent');
    await agent.goto('./#/fiche/cni-premiere-demande');
    await agent.getByTestId('feedback-no').click();
    await agent.getByTestId('feedback-send').click();
    await expect(agent.getByTestId('feedback-error')).toBeVisible();
    await agent.getByTestId('feedback-motif-obsolete').check();
    await agent.getByTestId('feedback-send').click();
    await expect(agent.getByTestId('feedback-thanks')).toBeVisible();
    await api(agent.request, 'journal.recordSearch', { q: 'xylophones municipaux', resultats: 0 }, 'agent');
    await api(agent.request, 'journal.recordSearch', { q: 'xylophone municipal', resultats: 0 }, 'agent');

    await loginAs(page, 'redac');
    await page.goto('./#/manques');
    const group = page.getByTestId('manque-group').filter({ hasText: 'xylophone' });
    await expect(group).toHaveCount(1);
    await expect(group.getByTestId('manque-counts')).toContainText('2 fois');
    await expect(page.getByTestId('manque-fiche').filter({ hasText: "Carte d'identité" })).toContainText(
      'Obsolète (1)',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await group.getByTestId('manque-draft').click();
    await expect(page.getByTestId('ed-title')).toContainText('Modifier la fiche');
    await expect(page.getByTestId('ed-statut-badge')).toHaveText('Brouillon');
    await agent.context().close();
  });

  test('a national fiche is read-only; a local complement starts prefilled', async ({ page }) => {
    await loginAs(page, 'redac');
    await page.goto('./#/redaction?q=pecheur de lune : perte');
    const national = page.getByTestId('redaction-national-item').filter({ hasText: 'F9002' });
    await expect(national).toHaveCount(1);
    await national.getByRole('link', { name: /^Carte de pêcheur de lune : perte ou vol/ }).click();
    await expect(page.getByTestId('ed-readonly')).toContainText('lecture seule');
    await expect(page.getByTestId('ed-form')).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('ed-add-complement').click();
    await expect(page.getByTestId('ed-title')).toHaveText('Nouvelle fiche');
    await expect(page.getByTestId('ed-complete')).toHaveValue('F9002');
    await expect(page.getByTestId('ed-titre')).toHaveValue(
      'Carte de pêcheur de lune : perte ou vol : précisions locales',
    );
    await expect(page.getByTestId('ed-statut-brouillon')).toBeChecked();

    // The core refuses to write it, whatever the window does.
    const opened = await api<{ frontMatter: Record<string, unknown>; body: string; version: string }>(
      page.request,
      'redaction.open',
      { kind: 'fiche', id: 'F9002' },
    );
    const refused = await page.request.post('api/redaction.save', {
      data: {
        kind: 'fiche',
        id: 'F9002',
        frontMatter: opened.frontMatter,
        body: 'Changé.',
        baseVersion: opened.version,
      },
    });
    expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'refused' } });

    // On the national fiche's page, the rédacteur is offered the same complement.
    await page.goto('./#/fiche/F9002');
    await page.getByTestId('fiche-complement').click();
    await expect(page.getByTestId('ed-complete')).toHaveValue('F9002');
  });

  test('« Marquer comme vérifiée » moves a late fiche’s review date forward', async ({ page }) => {
    await loginAs(page, 'redac');
    const result = await api<{ status: string }>(page.request, 'redaction.save', {
      kind: 'fiche',
      id: 'e2e-a-revoir',
      frontMatter: {
        id: 'e2e-a-revoir',
        titre: 'Fiche e2e en retard de relecture',
        resume: 'Une fiche dont la relecture est en retard.',
        themes: ['vie-pratique'],
        mise_a_jour: '2024-01-15',
        a_revoir: '2025-01-15',
        responsable: 'Équipe e2e',
        statut: 'publiee',
      },
      body: 'Texte.',
      baseVersion: null,
    });
    expect(result.status).toBe('saved');
    // Its page warns the agents, discreetly.
    await page.goto('./#/fiche/e2e-a-revoir');
    await expect(page.getByTestId('fiche-a-revoir')).toContainText('À revoir depuis le 15 janvier 2025');

    await page.goto('./#/a-revoir');
    const group = page.getByTestId('revision-group').filter({ hasText: 'Équipe e2e' });
    const row = group.locator('[data-testid="revision-row"][data-id="e2e-a-revoir"]');
    await expect(row.getByTestId('revision-due')).toContainText('En retard de');
    await row.getByTestId('revision-verify').click();
    await expect(page.getByTestId('revision-message')).toContainText('est vérifiée : à revoir le');
    await expect(row).toHaveCount(0);
    const opened = await api<{ frontMatter: { a_revoir: string; verifie_par: string } }>(
      page.request,
      'redaction.open',
      { kind: 'fiche', id: 'e2e-a-revoir' },
    );
    expect(opened.frontMatter.verifie_par).toBe('Rémi Rédacteur');
    expect(opened.frontMatter.a_revoir > '2025-01-15').toBe(true);
  });

  test('a new contact: hours typed day by day, a wrong slot shown at its day, then saved', async ({
    page,
  }) => {
    await loginAs(page, 'redac');
    await page.goto('./#/redaction/contact/nouveau');
    await page.getByTestId('ed-nom').fill('Jardin botanique e2e');
    await expect(page.getByTestId('ed-id')).toHaveValue('jardin-botanique-e2e');
    await page.getByTestId('ed-entite').selectOption('ville');
    await page.getByTestId('ed-adresse-voie').fill('1 allée des Serres');
    await page.getByTestId('ed-adresse-code_postal').fill('99150');
    await page.getByTestId('ed-adresse-commune').fill('Montrouval');
    await page.getByTestId('ed-canal-accueil_physique').check();
    await page.getByTestId('ed-horaires-mardi').fill('09:00-12:00, 14:00-25:00');
    await expect(page.getByTestId('ed-horaires-mardi-error')).toContainText('HH:MM-HH:MM');
    await page.getByTestId('ed-horaires-mardi').fill('09:00-12:00, 14:00-17:30');
    await expect(page.getByTestId('ed-problems-ok')).toBeVisible();
    await page.getByTestId('ed-save').click();
    await expect(page.getByTestId('ed-notice')).toHaveText('Contact enregistré.');
    await expect(page.getByTestId('ed-path')).toHaveText('contacts/jardin-botanique-e2e.md');
    const opened = await api<{ frontMatter: { horaires: Record<string, string[]> } }>(
      page.request,
      'redaction.open',
      { kind: 'contact', id: 'jardin-botanique-e2e' },
    );
    expect(opened.frontMatter.horaires).toEqual({ mardi: ['09:00-12:00', '14:00-17:30'] });
  });

  test('the editors’ pages have no serious or critical accessibility violation', async ({ page }) => {
    await loginAs(page, 'redac');
    await page.goto('./#/redaction?q=passeport');
    await expect(
      page.getByTestId('redaction-national').or(page.getByTestId('redaction-count')).first(),
    ).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto('./#/a-revoir');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fiches à revoir');
    await expect(
      page.getByTestId('revision-group').or(page.getByTestId('revision-empty')).first(),
    ).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto('./#/redaction/contact/nouveau');
    await expect(page.getByTestId('ed-title')).toHaveText('Nouveau contact');
    await page.getByTestId('ed-fermeture-add').click();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
