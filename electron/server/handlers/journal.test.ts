// The log through the dispatcher: roles checked in the core, inputs validated, French errors, and the codes
// checked against the knowledge base the desk searches.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../core/app';
import { testCore } from '../../../dev/test-support/test-core';
import type { ClientSlot } from '../../core/auth/session';
import type { JournalEntry } from '../../../common/journal/types';
import { signedIn } from '../../../dev/test-support/comptes';
import { sampleContent, writeContentFolder } from '../../../dev/test-support/content';
import { insertPoint } from '../../../dev/test-support/registres';
import { dispatch } from '../dispatch';

let core: Core;
let agent: ClientSlot;
let colleague: ClientSlot;
let admin: ClientSlot;
let redacteur: ClientSlot;

beforeAll(async () => {
  core = await testCore({
    contentDir: writeContentFolder(sampleContent()),
    dataDir: mkdtempSync(join(tmpdir(), 'infocite-journal-api-')),
    workerFile: fileURLToPath(new URL('../../core/search/index-worker.ts', import.meta.url)),
    // Monday 23 November 2026, 10:00 in Paris.
    now: () => new Date('2026-11-23T09:00:00Z'),
  });
  await core.search.ready();
  [agent, colleague, admin, redacteur] = await Promise.all([
    signedIn(core, ['agent']),
    signedIn(core, ['agent']),
    signedIn(core, ['administrateur']),
    signedIn(core, ['redacteur']),
  ]);
});

afterAll(() => core.close());

async function ok<T>(client: ClientSlot, method: string, input: unknown): Promise<T> {
  const answer = await dispatch(core, client, method, input);
  if (!answer.ok) throw new Error(`${method}: ${answer.error.code} ${answer.error.message}`);
  return answer.result as T;
}

describe('journal API', () => {
  it('refuses to log until an administrator binds the installation to a point', async () => {
    expect(await dispatch(core, agent, 'journal.record', { issue: 'repondu', fiches: [] })).toMatchObject({
      ok: false,
      error: { code: 'refused', message: expect.stringContaining('rattaché à aucun point') },
    });
    const pointId = await insertPoint(core.store.db, { type: 'telephonique' });
    await ok(admin, 'admin.installation.set', { pointId });
  });

  it('logs a contact, lists it among the agent’s own, corrects it and cancels it', async () => {
    const search = await ok<{ id: number }>(agent, 'journal.recordSearch', {
      q: ' Passeport ',
      resultats: 1,
    });
    const entry = await ok<JournalEntry>(agent, 'journal.record', {
      issue: 'oriente_fiche',
      serviceId: 'mairie',
      fiches: ['passeport'],
      debut: '2026-11-23T09:58:30+01:00',
      rechercheIds: [search.id],
    });
    expect(entry).toMatchObject({ canal: 'telephone', theme: 'identite', dureeS: 90, fiches: ['passeport'] });
    const mine = await ok<{ jour: string; entries: JournalEntry[] }>(agent, 'journal.mine', {});
    expect(mine).toEqual({ jour: '2026-11-23', entries: [entry] });
    expect((await ok<{ entries: JournalEntry[] }>(colleague, 'journal.mine', {})).entries).toEqual([]);

    expect(
      await dispatch(core, colleague, 'journal.update', {
        id: entry.id,
        issue: 'repondu',
        canal: 'telephone',
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatch(core, colleague, 'journal.cancel', { id: entry.id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const corrected = await ok<JournalEntry>(agent, 'journal.update', {
      id: entry.id,
      issue: 'non_resolu',
      canal: 'courrier',
      motif: 'fiche_incomplete',
    });
    expect(corrected).toMatchObject({ issue: 'non_resolu', motif: 'fiche_incomplete', serviceId: null });
    expect(await ok(agent, 'journal.cancel', { id: entry.id })).toEqual({ id: entry.id });
    expect(await dispatch(core, agent, 'journal.cancel', { id: entry.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('answers a broken rule with « refused » and a malformed input with « invalid_input », in French', async () => {
    expect(await dispatch(core, agent, 'journal.record', { issue: 'non_resolu', fiches: [] })).toMatchObject({
      ok: false,
      error: { code: 'refused', message: expect.stringContaining('pas résolu') },
    });
    expect(
      await dispatch(core, agent, 'journal.record', { issue: 'repondu', fiches: ['inconnue'] }),
    ).toMatchObject({
      ok: false,
      error: { code: 'refused', message: expect.stringContaining('« inconnue »') },
    });
    for (const input of [
      { issue: 'content', fiches: [] },
      { issue: 'repondu' },
      { issue: 'repondu', fiches: Array.from({ length: 21 }, () => 'passeport') },
      { issue: 'repondu', fiches: [], canal: 'pigeon' },
      { issue: 'repondu', fiches: [], debut: 'hier' },
    ]) {
      expect(await dispatch(core, agent, 'journal.record', input)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: expect.stringContaining('Demande invalide') },
      });
    }
    expect(await dispatch(core, agent, 'journal.recordSearch', { q: '   ', resultats: 0 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('la recherche est vide') },
    });
  });

  it('needs the agent role to log and the administrator’s for retention', async () => {
    expect(
      await dispatch(core, { token: null }, 'journal.record', { issue: 'repondu', fiches: [] }),
    ).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await dispatch(core, redacteur, 'journal.record', { issue: 'repondu', fiches: [] })).toMatchObject(
      {
        ok: false,
        error: { code: 'forbidden' },
      },
    );
    for (const [method, input] of [
      ['journal.retention.get', {}],
      ['journal.retention.set', { mois: 1 }],
      ['journal.retention.run', {}],
    ] as const) {
      expect(await dispatch(core, agent, method, input)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
  });

  it('lets an administrator read, change and apply the retention period', async () => {
    expect(await ok(admin, 'journal.retention.get', {})).toEqual({ mois: 24 });
    expect(await dispatch(core, admin, 'journal.retention.set', { mois: 0 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('au moins 1 mois') },
    });
    expect(await ok(admin, 'journal.retention.set', { mois: 12 })).toEqual({ mois: 12 });
    expect(await ok(admin, 'journal.retention.run', {})).toEqual({
      aggregated: 0,
      deleted: 0,
      recherches: 0,
      avis: 0,
      limite: '2025-11-23',
    });
  });
});
