import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import type { SearchResponse } from '../common/contract';
import { api, clickNav, loginAs, openHome, seriousViolations } from './helpers';

// The real DILA archive, shared beside the repository (not in it: 12 MB).
const ARCHIVE = fileURLToPath(
  new URL('../../shared/corpus/service-public/vosdroits-particuliers-2020-11.zip', import.meta.url),
);

// Importing the whole archive takes long: a folder of 20 of its fiches is enough. Far from the desk's
// subjects, so that no other test's query meets them while they are in the index.
const FICHES = [
  'F1',
  'F10',
  'F100',
  'F1000',
  'F10004',
  'F10005',
  'F10006',
  'F10008',
  'F10027',
  'F10030',
  'F10033',
  'F10036',
  'F10037',
  'F10039',
  'F10040',
  'F10041',
  'F1010',
  'F1011',
  'F1016',
  'F1019',
];
const SEARCHED = { id: 'F10', titre: "Médaille d'honneur du travail" };

async function searchIds(request: APIRequestContext, q: string): Promise<string[]> {
  const response = await api<SearchResponse>(request, 'search.query', { q, limit: 50 });
  return response.results.map((hit) => hit.id);
}

async function openImportPage(page: Page): Promise<void> {
  await openHome(page);
  await clickNav(page, 'import');
  await expect(page).toHaveURL(/#\/import$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Importer les fiches Service-Public.fr');
  await expect(page.getByTestId('nav-import')).toHaveAttribute('aria-current', 'page');
}

test.describe('import des fiches Service-Public.fr', () => {
  test.beforeEach(({ page }) => loginAs(page, 'redac'));

  test.skip(!existsSync(ARCHIVE), `archive DILA absente (${ARCHIVE}) : test de l'import sauté`);

  let folder = '';

  test.beforeAll(() => {
    const wanted = new Set(FICHES.map((id) => `${id}.xml`));
    const files = unzipSync(readFileSync(ARCHIVE), { filter: (file) => wanted.has(file.name) });
    folder = mkdtempSync(join(tmpdir(), 'infocite-e2e-vosdroits-'));
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(folder, name), bytes);
    expect(readdirSync(folder)).toHaveLength(FICHES.length);
  });

  test.afterAll(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  test('an editor imports a folder of fiches, which the search then finds with their badge', async ({
    page,
    request,
  }) => {
    // The e2e server's content folder is shared with the other tests, and an import removes the national
    // fiches gone « upstream »: the fixtures F9001 and F9002 among them. They are put back afterwards.
    const { contentDir } = await api<{ contentDir: string }>(request, 'content.problems');
    const nationalDir = join(contentDir, 'national');
    mkdirSync(nationalDir, { recursive: true });
    const before = new Map(
      readdirSync(nationalDir)
        .filter((name) => name.endsWith('.md'))
        .map((name) => [name, readFileSync(join(nationalDir, name), 'utf8')]),
    );

    try {
      await openImportPage(page);
      await expect(page.getByTestId('import-status')).toBeVisible();
      await expect(page.getByTestId('loading')).toHaveCount(0);
      expect(await seriousViolations(page)).toEqual([]);

      // From the page's title, the path field is the next stop of the keyboard; Entrée starts the import.
      await page.keyboard.press('Tab');
      const field = page.getByLabel('Archive vosdroits (.zip) ou dossier de fichiers XML');
      await expect(field).toBeFocused();
      await field.fill(folder);
      await page.keyboard.press('Enter');

      // 20 fiches go fast: the progress may already be gone when the page looks.
      await expect(page.getByTestId('import-running').or(page.getByTestId('import-done'))).toBeVisible();
      const summary = page.getByTestId('import-summary');
      await expect(summary).toContainText('20 fiches lues', { timeout: 20_000 });
      await expect(summary).toContainText('20 créées');
      await expect(summary).toContainText('0 en erreur');
      await expect(page.getByTestId('import-errors')).toHaveCount(0);
      await expect(page.getByTestId('import-announcer')).toContainText('20 fiches lues');
      await expect(field).toHaveValue(folder);
      await expect(field).toBeEnabled();
      expect(await seriousViolations(page)).toEqual([]);

      // The content watcher rebuilds the index by itself.
      await page.getByTestId('nav-search').click();
      const input = page.getByTestId('search-input');
      const hit = page.locator(`[data-testid="result-item"][data-id="${SEARCHED.id}"]`);
      await expect(async () => {
        await input.fill('');
        await input.fill(SEARCHED.titre);
        await expect(hit).toBeVisible({ timeout: 1_000 });
      }).toPass({ timeout: 20_000 });
      await expect(hit).toContainText(SEARCHED.titre);
      await expect(hit).toHaveAttribute('data-origine', 'national');
      await expect(hit.getByTestId('result-national')).toContainText('Service-Public.fr');

      // Back on the import page, the last import's outcome is read again.
      await clickNav(page, 'import');
      await expect(page.getByTestId('import-summary')).toContainText('20 fiches lues');
      await expect(page.getByTestId('import-source')).toHaveText(folder);
    } finally {
      for (const name of readdirSync(nationalDir)) {
        if (name.endsWith('.md') && !before.has(name)) rmSync(join(nationalDir, name));
      }
      for (const [name, text] of before) writeFileSync(join(nationalDir, name), text);
      // The next tests expect the fixtures back in the index, and the imported fiches gone.
      await expect
        .poll(
          async () => [
            (await searchIds(request, 'pêcheur de lune')).includes('F9001'),
            (await searchIds(request, SEARCHED.titre)).includes(SEARCHED.id),
          ],
          { timeout: 20_000 },
        )
        .toEqual([true, false]);
    }
  });

  test('a path that leads nowhere ends in a French error, and the typed path stays', async ({ page }) => {
    await openImportPage(page);
    const missing = join(tmpdir(), 'infocite-e2e-absent', 'vosdroits-particuliers.zip');
    const field = page.getByTestId('import-from');
    await field.fill(missing);
    await page.getByTestId('import-submit').click();

    const error = page.getByTestId('import-error');
    await expect(error).toContainText("L'import a échoué.", { timeout: 20_000 });
    await expect(error).toContainText(`« ${missing} » n'existe pas.`);
    await expect(page.getByTestId('import-announcer')).toContainText("L'import a échoué");
    await expect(field).toHaveValue(missing);
    await expect(field).toBeEnabled();
    // Focus comes back to the path, ready to be corrected.
    await expect(field).toBeFocused();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('an empty path is asked for, and a refused start shows its message and keeps the path', async ({
    page,
  }) => {
    await openImportPage(page);
    const field = page.getByTestId('import-from');
    await field.fill('   ');
    await page.getByTestId('import-submit').click();
    const message = page.getByTestId('import-start-error');
    await expect(message).toHaveText("Indiquez le chemin de l'archive ou du dossier à importer.");
    await expect(field).toBeFocused();
    await expect(field).toHaveAttribute('aria-invalid', 'true');

    // Another import running (from another window): the core refuses this one.
    await page.route('**/api/import.servicePublic.start', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          ok: false,
          error: { code: 'unavailable', message: 'Un import est déjà en cours.' },
        }),
      }),
    );
    await field.fill('/srv/dila/vosdroits-latest.zip');
    await field.press('Enter');
    await expect(message).toHaveText('Un import est déjà en cours.');
    await expect(message).toHaveAttribute('role', 'alert');
    await expect(field).toHaveValue('/srv/dila/vosdroits-latest.zip');
    await expect(field).toBeEnabled();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
