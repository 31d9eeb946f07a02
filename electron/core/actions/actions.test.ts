import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../store/db';
import type { Store } from '../store/store';
import { ACTOR, auditRows, freshDb, insertPoint, NOW } from '../../../dev/test-support/registres';
import { controlesBilan } from '../controles/bilan';
import type { ActionInput } from './actions';
import { createAction, getAction, listActions, overdueActions, updateAction } from './actions';

let store: Store;
let db: Db;

beforeEach(async () => {
  ({ store, db } = await freshDb());
});

afterEach(async () => {
  await store.close();
});

async function action(fields: Partial<ActionInput> = {}, at = NOW): Promise<number> {
  return createAction(
    db,
    ACTOR,
    {
      quoi: 'Refaire la signalétique',
      responsable: 'Services techniques',
      echeance: '2026-12-31',
      indicateur: 'Panneaux posés',
      preuve: '',
      origine: 'autre',
      ...fields,
    },
    at,
  );
}

async function close(
  id: number,
  statut: 'faite' | 'abandonnee' | 'en_cours',
  at = NOW,
  preuve = 'Photo',
): Promise<void> {
  const current = await getAction(db, id, at);
  await updateAction(db, ACTOR, { ...current, statut, preuve }, at);
}

describe('corrective actions', () => {
  it('lists overdue ones: open and past their due date, not the closed ones', async () => {
    const late = await action({ echeance: '2026-11-01' });
    const lateButDone = await action({ echeance: '2026-11-01' });
    await action({ echeance: '2026-11-23' });
    await close(lateButDone, 'faite');
    expect((await overdueActions(db, NOW)).map((a) => a.id)).toEqual([late]);
    expect((await getAction(db, late, NOW)).enRetard).toBe(true);
    expect(await getAction(db, lateButDone, NOW)).toMatchObject({ enRetard: false, closeLe: '2026-11-23' });
  });

  it('needs evidence to be done, keeps its origin, and audits every change', async () => {
    const id = await action({
      origine: 'bilan',
      origineId: '2026:1',
      pointId: await insertPoint(db, { nom: 'Mairie' }),
    });
    await expect(close(id, 'faite', NOW, '')).rejects.toThrow(/preuve/);
    await close(id, 'en_cours');
    expect(await getAction(db, id, NOW)).toMatchObject({
      statut: 'en_cours',
      closeLe: null,
      origineLibelle: 'Plan d’action du bilan 2026, ligne 2',
      point: { nom: 'Mairie' },
    });
    expect((await auditRows(db, 'action_corrective')).map((r) => r.action)).toEqual([
      'creation',
      'modification',
    ]);
  });

  it('refuses an action from a finding that does not exist', async () => {
    await expect(action({ origine: 'constat', origineId: '42' })).rejects.toThrow(
      /constat « 42 » n'existe pas/,
    );
  });

  it('carries open actions over to the next years’ reviews until they are closed', async () => {
    const in2025 = new Date('2025-06-10T09:00:00Z');
    const open = await action({ quoi: 'Ouverte' }, in2025);
    const doneIn2026 = await action({ quoi: 'Faite en 2026' }, in2025);
    const doneIn2025 = await action({ quoi: 'Faite en 2025' }, in2025);
    await close(doneIn2025, 'faite', new Date('2025-09-01T09:00:00Z'));
    await close(doneIn2026, 'faite', new Date('2026-03-01T09:00:00Z'));
    const fresh = await action({ quoi: 'Nouvelle', origine: 'bilan', origineId: '2026:0' });

    const review2025 = await controlesBilan(db, 2025, NOW);
    expect(review2025.nouvelles.map((a) => a.quoi)).toEqual(['Ouverte', 'Faite en 2026', 'Faite en 2025']);
    expect(review2025.reportees).toEqual([]);
    expect(review2025.faites).toBe(1);

    const review2026 = await controlesBilan(db, 2026, NOW);
    expect(review2026.nouvelles.map((a) => a.id)).toEqual([fresh]);
    expect(review2026.reportees.map((a) => a.id).sort()).toEqual([open, doneIn2026].sort());
    expect(review2026.faites).toBe(1);
    expect(review2026.ouvertes).toBe(2);
    expect(review2026.lignesSuivies).toEqual([0]);

    // Still open in 2027: carried over again.
    expect((await controlesBilan(db, 2027, NOW)).reportees.map((a) => a.id).sort()).toEqual(
      [open, fresh].sort(),
    );
    expect((await listActions(db, { ouvertes: true }, NOW)).map((a) => a.id).sort()).toEqual(
      [open, fresh].sort(),
    );
  });
});
