import { fileURLToPath } from 'node:url';

/** The repository root, for scripts run from source with tsx. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The bundled demo knowledge base. */
export const DEMO_CONTENT_DIR = fileURLToPath(new URL('../../content', import.meta.url));

/** The index worker run from its TypeScript source (see build-in-worker.ts). */
export const WORKER_SOURCE_FILE = fileURLToPath(
  new URL('../../electron/core/search/index-worker.ts', import.meta.url),
);

/** The renderer as built by `vite build` (INFOCITE_RENDERER_DIR: another build, for parallel test runs). */
export const RENDERER_DIST_DIR =
  process.env.INFOCITE_RENDERER_DIR ?? fileURLToPath(new URL('../../dist/renderer', import.meta.url));

/** The in-app Service-Public.fr import worker, from its TypeScript source. */
export const IMPORT_WORKER_SOURCE_FILE = fileURLToPath(
  new URL('../../electron/core/import/import-worker.ts', import.meta.url),
);
