// npm run bench -- --premiere-synchro [--reimport]
//
// A new desk's first sync of the national content and index (issue 11 §9): a city server (the real core and
// HTTP transport on 127.0.0.1) on the national fiches, one enrolled desk mirroring it through ContentMirror.
// Prints the time and the bytes of the first sync, of the next poll (304), and the desk core's start on the
// shipped index. Loopback only: on a city's network add the transfer time of the bytes shown. Asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../electron/core/app';
import { createPoste, enrolPoste } from '../../electron/core/postes/postes';
import { ContentMirror } from '../../electron/server/desk/content-mirror';
import { startHttpServer } from '../../electron/server/http-server';
import { ACTOR, makePoint } from '../../dev/test-support/registres';
import { recordingFetch } from '../../dev/test-support/sync-server';
import { WORKER_SOURCE_FILE } from '../lib/paths';
import { fixed, formatTable, megabytes } from './table';

export async function benchFirstSync(contentDir: string, label: string): Promise<void> {
  console.log(`\n━━ a new desk's first sync from the city server (${label}, loopback)`);
  const root = mkdtempSync(join(tmpdir(), 'infocite-bench-sync-'));
  try {
    let started = performance.now();
    const core = await createCore({
      contentDir,
      dataDir: join(root, 'server'),
      workerFile: WORKER_SOURCE_FILE,
    });
    await core.search.ready();
    const serverIndexMs = performance.now() - started;
    const server = await startHttpServer(core, { port: 0 });
    try {
      const pointId = await makePoint(core.store.db, 'BENCH');
      const { code } = await createPoste(core.store.db, ACTOR, { nom: 'Banc', pointId }, new Date());
      const { credential } = await enrolPoste(core.store.db, code.replaceAll('-', ''), new Date());
      const desk = { contentDir: join(root, 'desk-content'), dataDir: join(root, 'desk-data') };
      const { fetch, log } = recordingFetch();
      const mirror = new ContentMirror({ serverUrl: server.url, credential, ...desk, fetch });

      started = performance.now();
      const first = await mirror.syncOnce();
      const firstMs = performance.now() - started;
      const bytes = (prefix: string) =>
        log.filter((e) => e.path.startsWith(prefix)).reduce((sum, e) => sum + e.bytes, 0);
      const requests = log.length;
      const manifestBytes = bytes('/sync/manifest');
      const fileBytes = bytes('/sync/fichier/');
      const indexBytes = bytes('/sync/index/');
      log.length = 0;
      started = performance.now();
      await mirror.syncOnce();
      const pollMs = performance.now() - started;

      started = performance.now();
      const deskCore = await createCore({ ...desk, workerFile: WORKER_SOURCE_FILE });
      await deskCore.search.ready();
      const deskStartMs = performance.now() - started;
      const fromCache = deskCore.search.status().fromCache;
      await deskCore.close();

      console.log(
        formatTable(
          ['measure', 'value'],
          [
            ['server: first index build (once per content version)', `${fixed(serverIndexMs / 1000)} s`],
            ['first sync: time', `${fixed(firstMs / 1000)} s`],
            ['first sync: files written', String(first.changed)],
            ['first sync: requests', String(requests)],
            ['first sync: manifest', megabytes(manifestBytes, 2)],
            ['first sync: files', megabytes(fileBytes, 1)],
            ['first sync: index', megabytes(indexBytes, 1)],
            ['next poll, nothing changed (304)', `${fixed(pollMs)} ms, ${log[0]?.bytes ?? 0} bytes`],
            [
              `desk core start on the shipped index${fromCache ? '' : ' (NOT used: rebuilt)'}`,
              `${fixed(deskStartMs / 1000, 2)} s`,
            ],
          ],
        ),
      );
    } finally {
      await server.close();
      await core.close();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
