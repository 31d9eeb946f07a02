// The server behind the end-to-end tests: the preview server on a copy of the demo content, plus the
// fixtures (a fiche full of XSS payloads), in a throw-away data folder with the demo registries and the
// test accounts.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createCore } from '../electron/core/app';
import { seedDemoRegistry } from '../dev/seed/demo-registry';
import {
  DEMO_CONTENT_DIR,
  IMPORT_WORKER_SOURCE_FILE,
  RENDERER_DIST_DIR,
  WORKER_SOURCE_FILE,
} from '../scripts/lib/paths';
import { startPreviewServer } from '../electron/server/http-server';
import { seedE2eAccounts } from './seed-accounts';

const { values } = parseArgs({ options: { port: { type: 'string', default: '4791' } } });
const root = mkdtempSync(join(tmpdir(), 'infocite-e2e-'));
const contentDir = join(root, 'content');
cpSync(DEMO_CONTENT_DIR, contentDir, { recursive: true });
cpSync(fileURLToPath(new URL('./fixtures/content', import.meta.url)), contentDir, { recursive: true });

const core = await createCore({
  contentDir,
  dataDir: join(root, 'data'),
  workerFile: WORKER_SOURCE_FILE,
  importWorkerFile: IMPORT_WORKER_SOURCE_FILE,
  // The import specs unpack their archives in the system's temporary folder: the import may read there.
  importRoot: tmpdir(),
  watch: true,
});
await seedDemoRegistry(core.store.db, core.now());
await seedE2eAccounts(core);
await core.search.ready();
const server = await startPreviewServer(core, RENDERER_DIST_DIR, Number(values.port));
console.log(`e2e server on ${server.url} (content ${contentDir})`);

// Playwright stops the server at the end of the run: leave nothing behind in the temporary folder.
const stop = () => {
  void server
    .close()
    .then(() => core.close())
    .finally(() => {
      rmSync(root, { recursive: true, force: true });
      process.exit(0);
    });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
