import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportJobStatus } from '../../../common/contract';
import { dispatch } from '../dispatch';
import { testCore } from '../../../dev/test-support/test-core';
import { signedIn } from '../../../dev/test-support/comptes';
import { sampleContent, writeContentFolder } from '../../../dev/test-support/content';
import { IMPORTS_FOLDER, NATIONAL_FOLDER } from '../../core/import/import-job';
import { publicationXml } from '../../../dev/test-support/service-public';

const workerFile = fileURLToPath(new URL('../../core/search/index-worker.ts', import.meta.url));
const importWorkerFile = fileURLToPath(new URL('../../core/import/import-worker.ts', import.meta.url));

async function settled(poll: () => Promise<ImportJobStatus>): Promise<ImportJobStatus> {
  for (let i = 0; i < 200; i++) {
    const status = await poll();
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('import still running');
}

const temporary: string[] = [];
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('in-app Service-Public.fr import', () => {
  it('imports in a worker into the content folder, where the search finds the fiches', async () => {
    // The import reads only below the data folder's import folder.
    const dataDir = tempDir('infocite-data-');
    const archive = join(dataDir, IMPORTS_FOLDER, 'vosdroits');
    mkdirSync(archive, { recursive: true });
    writeFileSync(
      join(archive, 'F9101.xml'),
      publicationXml({ id: 'F9101', title: 'Carte de tricycle à vapeur' }),
    );
    writeFileSync(
      join(archive, 'F9102.xml'),
      publicationXml({ id: 'F9102', title: 'Permis de montgolfière' }),
    );
    writeFileSync(join(archive, 'F9103.xml'), '<Publication><pas fermé');
    const contentDir = writeContentFolder(sampleContent(), tempDir('infocite-content-'));
    const core = await testCore({ contentDir, dataDir, workerFile, importWorkerFile, watch: true });
    try {
      const session = await signedIn(core, ['redacteur']);
      await core.search.ready();
      await core.search.watching();
      const started = await dispatch(core, session, 'import.servicePublic.start', { from: archive });
      expect(started).toMatchObject({ ok: true, result: { state: 'running', from: archive } });
      const again = await dispatch(core, session, 'import.servicePublic.start', { from: archive });
      expect(again).toMatchObject({
        ok: false,
        error: { code: 'unavailable', message: 'Un import est déjà en cours.' },
      });

      const done = await settled(async () => core.imports.current());
      expect(done.state).toBe('done');
      expect(done.summary).toContain('3 fiches lues. 2 créées');
      expect(done.errors?.map((e) => e.file)).toEqual(['F9103.xml']);
      expect(readdirSync(join(contentDir, NATIONAL_FOLDER)).sort()).toEqual(['F9101.md', 'F9102.md']);

      await expect
        .poll(
          () =>
            core.search
              .current()
              .search('montgolfiere')
              .results.map((r) => [r.id, r.origine]),
          { timeout: 10_000 },
        )
        .toEqual([['F9102', 'national']]);
    } finally {
      await core.close();
    }
  });

  it('is for editors only, and reports an unusable archive in French', async () => {
    const contentDir = writeContentFolder(sampleContent(), tempDir('infocite-content-'));
    const dataDir = tempDir('infocite-data-');
    mkdirSync(join(dataDir, IMPORTS_FOLDER, 'vide'), { recursive: true });
    const core = await testCore({ contentDir, dataDir, workerFile, importWorkerFile });
    try {
      const agent = await dispatch(core, await signedIn(core, ['agent']), 'import.servicePublic.start', {
        from: contentDir,
      });
      expect(agent).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      // A path relative to the import folder is enough.
      await dispatch(core, await signedIn(core, ['redacteur']), 'import.servicePublic.start', {
        from: 'vide',
      });
      const failed = await settled(async () => core.imports.current());
      expect(failed.state).toBe('error');
      expect(failed.error).toContain('ne contient aucune fiche');
    } finally {
      await core.close();
    }
  });

  it('refuses a path outside the import folder, without telling whether it exists', async () => {
    const contentDir = writeContentFolder(sampleContent(), tempDir('infocite-content-'));
    const dataDir = tempDir('infocite-data-');
    const outside = tempDir('infocite-vosdroits-');
    writeFileSync(join(outside, 'F1.xml'), publicationXml({ id: 'F1', title: 'Secret' }));
    const core = await testCore({ contentDir, dataDir, workerFile, importWorkerFile });
    try {
      const root = join(dataDir, IMPORTS_FOLDER);
      symlinkSync(outside, join(root, 'lien'));
      const session = await signedIn(core, ['redacteur']);
      const answers = [];
      for (const from of [
        outside,
        join(outside, 'F1.xml'),
        join(outside, 'absent.zip'),
        '/etc/passwd',
        '/nulle/part/absent.zip',
        '../infocite.db',
        join(root, '..', 'infocite.db'),
        join(root, 'lien'),
        'lien/F1.xml',
      ]) {
        answers.push(await dispatch(core, session, 'import.servicePublic.start', { from }));
      }
      const message =
        `L'import ne lit que les archives et dossiers placés dans le dossier d'import « ${root} » : ` +
        `copiez-y l'archive ou le dossier, puis indiquez son chemin.`;
      for (const answer of answers) {
        expect(answer).toEqual({ ok: false, error: { code: 'refused', message } });
      }
      expect(core.imports.current().state).toBe('idle');
    } finally {
      await core.close();
    }
  });
});
