import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ImportJobStatus } from '../../../common/contract';
import { dispatch } from '../dispatch';
import { createCore } from '../../core/app';
import { signedIn } from '../../../dev/test-support/comptes';
import { sampleContent, writeContentFolder } from '../../../dev/test-support/content';
import { NATIONAL_FOLDER } from '../../core/import/import-job';
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

describe('in-app Service-Public.fr import', () => {
  it('imports in a worker into the content folder, where the search finds the fiches', async () => {
    const archive = mkdtempSync(join(tmpdir(), 'infocite-vosdroits-'));
    writeFileSync(
      join(archive, 'F9101.xml'),
      publicationXml({ id: 'F9101', title: 'Carte de tricycle à vapeur' }),
    );
    writeFileSync(
      join(archive, 'F9102.xml'),
      publicationXml({ id: 'F9102', title: 'Permis de montgolfière' }),
    );
    writeFileSync(join(archive, 'F9103.xml'), '<Publication><pas fermé');
    const contentDir = writeContentFolder(sampleContent());
    const core = await createCore({
      contentDir,
      dataDir: mkdtempSync(join(tmpdir(), 'infocite-data-')),
      workerFile,
      importWorkerFile,
      watch: true,
    });
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
    const contentDir = writeContentFolder(sampleContent());
    mkdirSync(join(contentDir, 'vide'));
    const core = await createCore({
      contentDir,
      dataDir: mkdtempSync(join(tmpdir(), 'infocite-data-')),
      workerFile,
      importWorkerFile,
    });
    try {
      const agent = await dispatch(core, await signedIn(core, ['agent']), 'import.servicePublic.start', {
        from: contentDir,
      });
      expect(agent).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      await dispatch(core, await signedIn(core, ['redacteur']), 'import.servicePublic.start', {
        from: join(contentDir, 'vide'),
      });
      const failed = await settled(async () => core.imports.current());
      expect(failed.state).toBe('error');
      expect(failed.error).toContain('ne contient aucune fiche');
    } finally {
      await core.close();
    }
  });
});
