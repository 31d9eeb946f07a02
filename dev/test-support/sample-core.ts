// The core most API tests work on: a fresh copy of the sample content, its data in a folder of its own (both in
// the test file's temporary root, which dev/test-support/temp-root.ts removes after the file), index ready.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Core } from '../../electron/core/app';
import { testCore } from './test-core';
import { sampleContent, writeContentFolder } from './content';

const WORKER = fileURLToPath(new URL('../../electron/core/search/index-worker.ts', import.meta.url));

export async function sampleCore(now: () => Date): Promise<Core> {
  const root = mkdtempSync(join(tmpdir(), 'infocite-core-'));
  const core = await testCore({
    contentDir: writeContentFolder(sampleContent(), join(root, 'content')),
    dataDir: join(root, 'data'),
    workerFile: WORKER,
    now,
  });
  await core.search.ready();
  return core;
}
