// A city server for the content sync tests: a real core on a temporary content folder behind the real HTTP
// transport on 127.0.0.1:0, with one enrolled desk; and a fetch that records what travels.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Core } from '../../electron/core/app';
import { testCore } from './test-core';
import { readContentFolder } from '../../electron/core/knowledge/content-files';
import { createPoste, enrolPoste } from '../../electron/core/postes/postes';
import { indexFile, readIndexHeader } from '../../electron/core/search/persist';
import type { PreviewServer } from '../../electron/server/http-server';
import { startHttpServer } from '../../electron/server/http-server';
import { sampleContent, writeContentFolder } from './content';
import { ACTOR, makePoint } from './registres';

export const WORKER_FILE = fileURLToPath(
  new URL('../../electron/core/search/index-worker.ts', import.meta.url),
);

export interface SyncServer {
  core: Core;
  server: PreviewServer;
  contentDir: string;
  credential: string;
  /** Resolves once the server's persisted index was built from its folder as it is now. */
  indexed(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startSyncServer(): Promise<SyncServer> {
  const root = mkdtempSync(join(tmpdir(), 'infocite-sync-server-'));
  const contentDir = writeContentFolder(sampleContent(), join(root, 'content'));
  const dataDir = join(root, 'data');
  const core = await testCore({ contentDir, dataDir, workerFile: WORKER_FILE, watch: true });
  await core.search.ready();
  await core.search.watching();
  const server = await startHttpServer(core, { port: 0 });
  const db = core.store.db;
  const pointId = await makePoint(db, 'MAIRIE');
  const { code } = await createPoste(db, ACTOR, { nom: 'Accueil 1', pointId }, new Date());
  const { credential } = await enrolPoste(db, code.replaceAll('-', ''), new Date());
  const indexed = async (timeoutMs = 10_000) => {
    const started = Date.now();
    for (;;) {
      const header = readIndexHeader(indexFile(dataDir));
      if (header?.contentHash === readContentFolder(contentDir).hash) return;
      if (Date.now() - started > timeoutMs) throw new Error('the server did not index its folder in time');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return {
    core,
    server,
    contentDir,
    credential,
    indexed,
    close: async () => {
      await server.close();
      await core.close();
    },
  };
}

export interface Exchange {
  path: string;
  status: number;
  bytes: number;
}

/** A fetch that records each exchange (path, status, body size); `alter` may change an answer's body. */
export function recordingFetch(alter?: (path: string, body: Buffer) => Buffer): {
  fetch: typeof fetch;
  log: Exchange[];
} {
  const log: Exchange[] = [];
  const recording: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const path = new URL(input instanceof Request ? input.url : input).pathname;
    let body: Buffer = Buffer.from(await response.arrayBuffer());
    if (alter) body = alter(path, body);
    log.push({ path, status: response.status, bytes: body.length });
    return new Response(response.status === 304 ? null : new Uint8Array(body), {
      status: response.status,
      headers: response.headers,
    });
  };
  return { fetch: recording, log };
}
