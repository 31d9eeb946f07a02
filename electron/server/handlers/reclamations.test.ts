// Complaints and published results through the API: anyone signed in records a complaint; a redacteur or an
// agent gets the register without the citizen and a refusal for the record; the results answer without a
// session and hold no personal data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../common/contract';
import type { ReclamationResume, ReclamationVue } from '../../../common/reclamations/methods';
import type { ResultatsPublics } from '../../../common/resultats/methods';
import { signedIn } from '../../../dev/test-support/comptes';
import type { Core } from '../../core/app';
import { sampleCore } from '../../../dev/test-support/sample-core';
import type { ClientSlot } from '../../core/auth/session';
import { dispatch } from '../dispatch';

let core: Core;
let gestionnaire: ClientSlot;
let redacteur: ClientSlot;

beforeAll(async () => {
  core = await sampleCore(() => new Date('2026-12-03T09:00:00Z'));
  gestionnaire = await signedIn(core, ['gestionnaire']);
  redacteur = await signedIn(core, ['redacteur']);
});

afterAll(async () => {
  await core.close();
});

function result<T>(answer: Envelope<unknown>): T {
  expect(answer).toMatchObject({ ok: true });
  return (answer as { ok: true; result: T }).result;
}

const CONTACT = { nom: 'Paul Privé', courriel: 'paul@example.org', telephone: '', adresse: '' };

describe('complaints through the API', () => {
  it('keeps the citizen from those who do not handle complaints, and publishes counts only', async () => {
    const created = result<ReclamationResume>(
      await dispatch(core, redacteur, 'reclamations.create', {
        type: 'suggestion',
        canal: 'courrier',
        objet: 'Des bancs dans le hall',
        coordonnees: CONTACT,
      }),
    );
    expect(created).toMatchObject({ statut: 'recue', echeance: '2027-01-02' });
    expect(JSON.stringify(created)).not.toContain('Paul');
    expect(await dispatch(core, redacteur, 'reclamations.get', { id: created.id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const seen = result<{ reclamations: ReclamationResume[] }>(
      await dispatch(core, redacteur, 'reclamations.list', {}),
    );
    expect(JSON.stringify(seen)).not.toMatch(/Paul|bancs/);
    const full = result<ReclamationVue>(
      await dispatch(core, gestionnaire, 'reclamations.get', { id: created.id }),
    );
    expect(full.coordonnees?.nom).toBe('Paul Privé');
    // A corrective action raised from it, in the actions register; only by those who handle complaints.
    expect(await dispatch(core, redacteur, 'reclamations.raiseAction', { id: created.id })).toMatchObject({
      ok: false,
    });
    const raised = result<ReclamationVue>(
      await dispatch(core, gestionnaire, 'reclamations.raiseAction', { id: created.id }),
    );
    expect(raised.actionId).toEqual(expect.any(Number));

    const published = result<ResultatsPublics>(await dispatch(core, { token: null }, 'resultats.public', {}));
    expect(published.reclamations.recues).toBe(1);
    expect(JSON.stringify(published)).not.toMatch(/Paul|bancs/);
  });
});
