import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientSlot } from '../../core/auth/session';
import type { Core } from '../../core/app';
import { testCore } from '../../../dev/test-support/test-core';
import { signedIn } from '../../../dev/test-support/comptes';
import { sampleContent, writeContentFolder } from '../../../dev/test-support/content';
import { insertPoint, trainedAgent } from '../../../dev/test-support/registres';
import type { Envelope } from '../../../common/contract';
import { dispatch } from '../dispatch';
import { sql } from '../../core/store/db';

let core: Core;
let agent: ClientSlot;
let gestion: ClientSlot;
let pointId: number;

beforeAll(async () => {
  core = await testCore({
    contentDir: writeContentFolder(sampleContent()),
    dataDir: mkdtempSync(join(tmpdir(), 'infocite-label-')),
    workerFile: fileURLToPath(new URL('../../core/search/index-worker.ts', import.meta.url)),
    now: () => new Date('2026-11-23T09:00:00Z'),
  });
  agent = await signedIn(core, ['agent']);
  gestion = await signedIn(core, ['gestionnaire'], { nom: 'Gaëlle Label' });
  pointId = await insertPoint(core.store.db, { nom: 'Mairie annexe Nord' });
  await trainedAgent(core.store.db, pointId, '2020-01-01', '2025-06-01');
  await trainedAgent(core.store.db, pointId, '2020-01-01', '2025-06-01');
});

afterAll(() => core.close());

async function audits(): Promise<number> {
  return Number(await core.store.db.value(sql`SELECT COUNT(*) FROM audit WHERE objet = 'label'`));
}

function result<T>(answer: Envelope<unknown>): T {
  expect(answer).toMatchObject({ ok: true });
  return (answer as { ok: true; result: T }).result;
}

describe('the label through the API', () => {
  it('forbids an agent account to decide, from the core, and records nothing', async () => {
    for (const action of ['demander', 'instruire'])
      await dispatch(core, gestion, 'label.decide', { pointId, action });
    const before = await audits();
    const answer = await dispatch(core, agent, 'label.decide', { pointId, action: 'accorder' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatch(core, agent, 'label.points', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await audits()).toBe(before);
    const granted = result<{ statut: string; expireLe: string }>(
      await dispatch(core, gestion, 'label.decide', { pointId, action: 'accorder' }),
    );
    expect(granted).toMatchObject({ statut: 'labellise', expireLe: '2029-11-23' });
    expect(await audits()).toBe(before + 1);
  });

  it('answers a refused decision with its French message and no audit row', async () => {
    const before = await audits();
    const answer = await dispatch(core, gestion, 'label.decide', { pointId, action: 'suspendre' });
    expect(answer).toEqual({
      ok: false,
      error: { code: 'refused', message: 'Indiquez le motif de la suspension.' },
    });
    const invalid = await dispatch(core, gestion, 'label.decide', {
      pointId,
      action: 'accorder',
      date: '2026-02-30',
    });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dispatch(core, gestion, 'label.point', { id: 9999 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await audits()).toBe(before);
  });

  it('lets every session read the register and its CSV, and the rule’s settings', async () => {
    const register = result<{ points: Array<{ nom: string }> }>(
      await dispatch(core, agent, 'label.register', {}),
    );
    expect(register.points.map((p) => p.nom)).toEqual(['Mairie annexe Nord']);
    const csv = result<{ filename: string; csv: string }>(
      await dispatch(core, agent, 'label.registerCsv', {}),
    );
    expect(csv.csv).toContain('Mairie annexe Nord');
    const settings = result<{ reglage: { dureeMois: number } }>(
      await dispatch(core, agent, 'label.settings.get', {}),
    );
    expect(settings.reglage.dureeMois).toBe(36);
  });

  it('changes the settings for label managers only, audited, with French messages', async () => {
    const value = {
      dureeMois: 24,
      regle: { ancienneteMois: 6, proportion: 80, minimum: 1 },
      alerteJours: 60,
      typeFormation: 'infocite',
    };
    expect(await dispatch(core, agent, 'label.settings.set', value)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const bad = await dispatch(core, gestion, 'label.settings.set', { ...value, dureeMois: 0 });
    expect(bad).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('le label dure au moins 1 mois') },
    });
    const unknown = await dispatch(core, gestion, 'label.settings.set', {
      ...value,
      typeFormation: 'cuisine',
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'refused' } });
    const saved = result<{ reglage: typeof value }>(
      await dispatch(core, gestion, 'label.settings.set', value),
    );
    expect(saved.reglage).toEqual(value);
    const row = (await core.store.db.one<{ avant: string; apres: string }>(
      sql`SELECT avant, apres FROM audit WHERE objet = 'reglage' AND objet_id = 'label.reglage'`,
    )) as { avant: string; apres: string };
    expect(JSON.parse(row.avant)).toMatchObject({ dureeMois: 36 });
    expect(JSON.parse(row.apres)).toEqual(value);
    // The new rule applies at once: one trained agent is now enough.
    const evaluation = result<{ regle: { minimum: number } }>(
      await dispatch(core, gestion, 'label.evaluate', { pointId }),
    );
    expect(evaluation.regle.minimum).toBe(1);
  });
});
