// The city server while PostgreSQL stops and comes back: the desks' calls are answered « unavailable » with a
// French message (never « internal », never a crash), then served again without restarting the server.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../common/contract';
import type { Core } from '../core/app';
import { createCore } from '../core/app';
import type { ClientSlot } from '../core/auth/session';
import { UNREACHABLE_MESSAGE } from '../core/store/errors';
import { signedIn } from '../../dev/test-support/comptes';
import { sampleContent, writeContentFolder } from '../../dev/test-support/content';
import {
  createTestDatabase,
  startOwnTestPostgres,
  type OwnTestPostgres,
} from '../../dev/test-support/postgres';
import { dispatch } from './dispatch';

let cluster: OwnTestPostgres;
let core: Core;
let admin: ClientSlot;

beforeAll(async () => {
  // A cluster of its own: the run's shared one must not stop under the other test files.
  cluster = await startOwnTestPostgres();
  const database = await createTestDatabase(cluster.adminUrl);
  core = await createCore({
    contentDir: writeContentFolder(sampleContent()),
    dataDir: mkdtempSync(join(tmpdir(), 'infocite-pg-restart-')),
    workerFile: fileURLToPath(new URL('../core/search/index-worker.ts', import.meta.url)),
    database: database.url,
    mode: 'serveur',
  });
  admin = await signedIn(core, ['administrateur']);
}, 60_000);

afterAll(async () => {
  await core?.close();
  await cluster?.stop();
});

/** The call, tried a few times: the first one after the restart may meet a connection the restart cut. */
async function servedAgain(): Promise<Envelope<unknown>> {
  let answer: Envelope<unknown> = await dispatch(core, admin, 'comptes.list', {});
  for (let attempt = 0; !answer.ok && attempt < 3; attempt++) {
    expect(answer).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    answer = await dispatch(core, admin, 'comptes.list', {});
  }
  return answer;
}

describe('the city server on PostgreSQL', () => {
  it('answers « unavailable » in French while the database is down, then serves again by itself', async () => {
    expect(await dispatch(core, admin, 'comptes.list', {})).toMatchObject({ ok: true });
    await cluster.stopServer();
    try {
      expect(await dispatch(core, admin, 'comptes.list', {})).toEqual({
        ok: false,
        error: { code: 'unavailable', message: UNREACHABLE_MESSAGE },
      });
      // A write too, and the health of the session's resolution on the way.
      expect(await dispatch(core, admin, 'journal.retention.set', { mois: 24 })).toMatchObject({
        ok: false,
        error: { code: 'unavailable' },
      });
    } finally {
      await cluster.startServer();
    }
    expect(await servedAgain()).toMatchObject({ ok: true });
    expect(await dispatch(core, admin, 'journal.retention.set', { mois: 24 })).toMatchObject({
      ok: true,
      result: { mois: 24 },
    });
  });
});
