// The server side of the content sync, through a real server on 127.0.0.1:0: only an enrolled desk of a
// supported version reads it, files only by the hash the manifest lists, nothing outside the content folder,
// and an unchanged manifest answers 304.
import { writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_VERSION, API_VERSION_HEADER, OLDEST_API_VERSION, POSTE_HEADER } from '../../common/sync/methods';
import { revokePoste } from '../core/postes/postes';
import { sql } from '../core/store/db';
import { sha256Of } from '../core/hash';
import type { ContentManifest } from '../core/knowledge/publication';
import type { SyncServer } from '../../dev/test-support/sync-server';
import { startSyncServer } from '../../dev/test-support/sync-server';
import { ACTOR } from '../../dev/test-support/registres';

let city: SyncServer;

beforeAll(async () => {
  city = await startSyncServer();
  await city.indexed();
}, 30_000);

afterAll(async () => {
  await city?.close();
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw GET (no URL normalisation, so « .. » reaches the server as written). */
function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  const url = new URL(city.server.url);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: url.hostname, port: url.port, path, method, headers: { host: url.host, ...headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    request.on('error', reject);
    request.end();
  });
}

function desk(extra: Record<string, string> = {}): Record<string, string> {
  return { [POSTE_HEADER]: city.credential, [API_VERSION_HEADER]: String(API_VERSION), ...extra };
}

const errorOf = (answer: Answer) =>
  (JSON.parse(answer.body.toString('utf8')) as { ok: false; error: { code: string; message: string } }).error;

describe('GET /sync/…', () => {
  it('lists the content files with their hashes and the index, with an ETag', async () => {
    const answer = await get('/sync/manifest', desk());
    expect(answer.status).toBe(200);
    const manifest = JSON.parse(answer.body.toString('utf8')) as ContentManifest;
    expect(answer.headers.etag).toBe(`"${manifest.version}"`);
    expect(manifest.files.map((file) => file.path)).toContain('fiches/passeport.md');
    expect(manifest.index).toMatchObject({ contentHash: expect.any(String), sha256: expect.any(String) });
    const index = await get(`/sync/index/${manifest.index?.sha256}`, desk());
    expect(index.status).toBe(200);
    expect(sha256Of(index.body)).toBe(manifest.index?.sha256);
    const file = manifest.files.find((entry) => entry.path === 'fiches/passeport.md');
    const bytes = await get(`/sync/fichier/${file?.sha256}`, desk());
    expect(sha256Of(bytes.body)).toBe(file?.sha256);
  });

  it('answers 304 to a desk that has the current manifest, 200 once the content changed', async () => {
    const first = await get('/sync/manifest', desk());
    const etag = String(first.headers.etag);
    const again = await get('/sync/manifest', desk({ 'if-none-match': etag }));
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);

    writeFileSync(
      join(city.contentDir, 'fiches', 'nouvelle.md'),
      '---\nid: nouvelle\ntitre: Nouvelle\n---\n',
    );
    await city.indexed();
    const changed = await get('/sync/manifest', desk({ 'if-none-match': etag }));
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('refuses a request without a valid desk credential, in French', async () => {
    for (const headers of [
      { [API_VERSION_HEADER]: String(API_VERSION) },
      desk({ [POSTE_HEADER]: 'un-identifiant-qui-n-existe-pas-du-tout' }),
    ]) {
      const answer = await get('/sync/manifest', headers);
      expect(answer.status).toBe(401);
      expect(errorOf(answer)).toEqual({ code: 'unauthenticated', message: expect.stringMatching(/poste/) });
    }
  });

  it('tells a desk that is too old to be updated', async () => {
    const answer = await get(
      '/sync/manifest',
      desk({ [API_VERSION_HEADER]: String(OLDEST_API_VERSION - 1) }),
    );
    expect(answer.status).toBe(426);
    expect(errorOf(answer).message).toMatch(/mettre à jour/);
  });

  it('serves only the files its manifest lists, by hash, never a path', async () => {
    // A file in the folder that is not content, and the database beside it: never served.
    writeFileSync(join(city.contentDir, 'notes.txt'), 'notes internes');
    for (const path of [
      `/sync/fichier/${sha256Of('notes internes')}`,
      `/sync/fichier/${'0'.repeat(64)}`,
      '/sync/fichier/../../data/infocite.db',
      '/sync/fichier/..%2f..%2fdata%2finfocite.db',
      '/sync/fichier/fiches/passeport.md',
      `/sync/index/${'0'.repeat(64)}`,
      '/sync/autre',
    ]) {
      const answer = await get(path, desk());
      expect(answer.status, path).toBe(404);
      expect(errorOf(answer).code).toBe('not_found');
    }
  });

  it('accepts only GET and HEAD', async () => {
    const answer = await get('/sync/manifest', desk(), 'POST');
    expect(answer.status).toBe(405);
  });

  it('stops answering a desk once it is revoked', async () => {
    const { posteId } = (await city.core.store.db.one(sql`SELECT id AS "posteId" FROM postes`)) as {
      posteId: number;
    };
    expect((await get('/sync/manifest', desk())).status).toBe(200);
    await revokePoste(city.core.store.db, ACTOR, posteId, new Date());
    expect((await get('/sync/manifest', desk())).status).toBe(401);
  });
});
