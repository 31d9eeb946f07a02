// The city's desks through the API: an administrator creates a desk for a point and reads its one-time code out;
// the desk enrols once and gets its own credential; a new code or a revocation stops the old credential at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../common/contract';
import type { PosteCree, PosteInscrit, PosteView } from '../../../common/postes/methods';
import { signedIn } from '../../../dev/test-support/comptes';
import { insertPoint } from '../../../dev/test-support/registres';
import type { Core } from '../../core/app';
import { sampleCore } from '../../../dev/test-support/sample-core';
import type { ClientSlot } from '../../core/auth/session';
import { CODE_VALIDITY_DAYS, resolvePoste } from '../../core/postes/postes';
import { sql } from '../../core/store/db';
import { dispatch } from '../dispatch';

let core: Core;
let admin: ClientSlot;
let agent: ClientSlot;
let pointId: number;
let now = new Date('2026-12-03T09:00:00Z');

beforeAll(async () => {
  core = await sampleCore(() => now);
  admin = await signedIn(core, ['administrateur']);
  agent = await signedIn(core, ['agent']);
  pointId = await insertPoint(core.store.db, { nom: 'Mairie annexe Nord' });
});

afterAll(async () => {
  await core.close();
});

function result<T>(answer: Envelope<unknown>): T {
  expect(answer).toMatchObject({ ok: true });
  return (answer as { ok: true; result: T }).result;
}

const anonymous = (): ClientSlot => ({ token: null });

describe('the city’s desks', () => {
  it('are created by an administrator only, with a code shown once and never stored in clear', async () => {
    expect(await dispatch(core, agent, 'postes.create', { nom: 'Accueil 1', pointId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const created = result<PosteCree>(
      await dispatch(core, admin, 'postes.create', { nom: 'Accueil 1', pointId }),
    );
    expect(created.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(created.poste).toMatchObject({ nom: 'Accueil 1', etat: 'en_attente', point: { id: pointId } });
    const stored = JSON.stringify(await core.store.db.all(sql`SELECT * FROM postes`));
    expect(stored).not.toContain(created.code.replace(/-/g, ''));
    const audit = (
      await core.store.db.all<{ action: string }>(
        sql`SELECT action FROM audit WHERE objet = 'poste' AND objet_id = ${String(created.poste.id)}`,
      )
    ).map((row) => row.action);
    expect(audit).toEqual(['creation']);
  });

  it('enrol once with the code as it is read out, and are then known by their credential', async () => {
    const { code } = result<PosteCree>(
      await dispatch(core, admin, 'postes.create', { nom: 'Accueil 2', pointId }),
    );
    const spoken = code.toLowerCase().replace(/-/g, ' ');
    const enrolled = result<PosteInscrit>(
      await dispatch(core, anonymous(), 'postes.enrol', { code: spoken }),
    );
    expect(enrolled.poste).toMatchObject({
      nom: 'Accueil 2',
      point: { id: pointId, nom: 'Mairie annexe Nord' },
    });
    expect(await resolvePoste(core.store.db, enrolled.credential, now)).toEqual({
      posteId: enrolled.poste.id,
      nom: 'Accueil 2',
      pointId,
      pointNom: 'Mairie annexe Nord',
      pointType: 'physique',
    });
    expect(JSON.stringify(await core.store.db.all(sql`SELECT * FROM postes`))).not.toContain(
      enrolled.credential,
    );
    // The code is spent.
    expect(await dispatch(core, anonymous(), 'postes.enrol', { code })).toMatchObject({
      ok: false,
      error: { code: 'refused', message: expect.stringContaining("n'est pas valable") as unknown },
    });
    const listed = result<{ postes: PosteView[] }>(await dispatch(core, admin, 'postes.list', {}));
    expect(listed.postes.find((p) => p.id === enrolled.poste.id)).toMatchObject({
      etat: 'inscrit',
      vuLe: now.toISOString(),
    });
  });

  it('refuse a malformed or expired code in French', async () => {
    expect(await dispatch(core, anonymous(), 'postes.enrol', { code: 'ABC' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    const { code } = result<PosteCree>(
      await dispatch(core, admin, 'postes.create', { nom: 'Accueil 3', pointId }),
    );
    const before = now;
    now = new Date(before.getTime() + (CODE_VALIDITY_DAYS + 1) * 86_400_000);
    try {
      expect(await dispatch(core, anonymous(), 'postes.enrol', { code })).toMatchObject({
        ok: false,
        error: { code: 'refused' },
      });
    } finally {
      now = before;
    }
  });

  it('lose their credential at once when revoked or given a new code', async () => {
    const first = result<PosteCree>(
      await dispatch(core, admin, 'postes.create', { nom: 'Accueil 4', pointId }),
    );
    const enrolled = result<PosteInscrit>(
      await dispatch(core, anonymous(), 'postes.enrol', { code: first.code }),
    );
    const renewed = result<PosteCree>(await dispatch(core, admin, 'postes.newCode', { id: first.poste.id }));
    expect(await resolvePoste(core.store.db, enrolled.credential, now)).toBeNull();
    expect(renewed.poste.etat).toBe('en_attente');
    const again = result<PosteInscrit>(
      await dispatch(core, anonymous(), 'postes.enrol', { code: renewed.code }),
    );
    expect(await resolvePoste(core.store.db, again.credential, now)).not.toBeNull();
    const revoked = result<PosteView>(await dispatch(core, admin, 'postes.revoke', { id: first.poste.id }));
    expect(revoked.etat).toBe('revoque');
    expect(await resolvePoste(core.store.db, again.credential, now)).toBeNull();
    expect(await dispatch(core, anonymous(), 'postes.enrol', { code: renewed.code })).toMatchObject({
      ok: false,
    });
  });

  it('are not created for a closed point', async () => {
    const closed = await insertPoint(core.store.db, { nom: 'Ancienne mairie', ouvert: false });
    expect(await dispatch(core, admin, 'postes.create', { nom: 'Accueil', pointId: closed })).toMatchObject({
      ok: false,
      error: { code: 'refused', message: expect.stringContaining('fermé') as unknown },
    });
  });
});
