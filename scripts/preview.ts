// npm run preview: the app in a browser, on the demo content and a temporary data folder.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../electron/core/app';
import {
  DEMO_CONTENT_DIR,
  IMPORT_WORKER_SOURCE_FILE,
  RENDERER_DIST_DIR,
  WORKER_SOURCE_FILE,
} from './lib/paths';
import { startPreviewServer } from './lib/preview-server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '4173' },
    content: { type: 'string' },
    'data-dir': { type: 'string' },
  },
});

try {
  const contentDir = resolve(values.content ?? DEMO_CONTENT_DIR);
  const dataDir = resolve(values['data-dir'] ?? mkdtempSync(join(tmpdir(), 'infocite-preview-')));
  const core = await createCore({
    contentDir,
    dataDir,
    workerFile: WORKER_SOURCE_FILE,
    importWorkerFile: IMPORT_WORKER_SOURCE_FILE,
    watch: true,
  });
  const server = await startPreviewServer(core, RENDERER_DIST_DIR, Number(values.port));
  console.log(`Info'Cité — aperçu dans le navigateur : ${server.url}`);
  console.log(`Contenu : ${contentDir}`);
  console.log(`Données : ${dataDir}`);
  const stop = () => {
    void server
      .close()
      .then(() => core.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(
    `Impossible de démarrer l'aperçu : ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
