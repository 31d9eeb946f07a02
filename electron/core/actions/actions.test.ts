import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../store/db';
import type { Store } from '../store/store';
import { ACTOR, auditRows, freshDb, insertPoint, NOW } from '../../../dev/test-support/registres';
import { controlesBilan } from '../controles/bilan';
import type { ActionInput } from './actions';
import { createAction, getAction, listActions, overdueActions, updateAction } from './actions';

let store: Store;
let db: Db;

beforeEach(() => {
  ({ store, db } = freshDb());
});

afterEach(() => store.close());

function action(fields: Partial<ActionInput> = {}, at = NOW): number {
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

function close(id: number, statut: 'faite' | 'abandonnee' | 'en_cours', at = NOW, preuve = 'Photo'): void {
  const current = getAction(db, id, at);
  updateAction(db, ACTOR, { ...current, statut, preuve }, at);
}

describe('corrective actions', () => {
  it('lists overdue ones: open and past their due date, not the closed ones', () => {
    const late = action({ echeance: '2026-11-01' });
    const lateButDone = action({ echeance: '2026-11-01' });
    action({ echeance: '2026-11-23' });
    close(lateButDone, 'faite');
    expect(overdueActions(db, NOW).map((a) => a.id)).toEqual([late]);
    expect(getAction(db, late, NOW).enRetard).toBe(true);
    expect(getAction(db, lateButDone, NOW)).toMatchObject({ enRetard: false, closeLe: '2026-11-23' });
  });

  it('needs evidence to be done, keeps its origin, and audits every change', () => {
    const id = action({ origine: 'bilan', origineId: '2026:1', pointId: insertPoint(db, { nom: 'Mairie' }) });
    expect(() => close(id, 'faite', NOW, '')).toThrow(/preuve/);
    close(id, 'en_cours');
    expect(getAction(db, id, NOW)).toMatchObject({
      statut: 'en_cours',
      closeLe: null,
      origineLibelle: 'Plan d’action du bilan 2026, ligne 2',
      point: { nom: 'Mairie' },
    });
    expect(auditRows(db, 'action_corrective').map((r) => r.action)).toEqual(['creation', 'modification']);
  });

  it('refuses an action from a finding that does not exist', () => {
    expect(() => action({ origine: 'constat', origineId: '42' })).toThrow(/constat « 42 » n'existe pas/);
  });

  it('carries open actions over to the next years’ reviews until they are closed', () => {
    const in2025 = new Date('2025-06-10T09:00:00Z');
    const open = action({ quoi: 'Ouverte' }, in2025);
    const doneIn2026 = action({ quoi: 'Faite en 2026' }, in2025);
    const doneIn2025 = action({ quoi: 'Faite en 2025' }, in2025);
    close(doneIn2025, 'faite', new Date('2025-09-01T09:00:00Z'));
    close(doneIn2026, 'faite', new Date('2026-03-01T09:00:00Z'));
    const fresh = action({ quoi: 'Nouvelle', origine: 'bilan', origineId: '2026:0' });

    const review2025 = controlesBilan(db, 2025, NOW);
    expect(review2025.nouvelles.map((a) => a.quoi)).toEqual(['Ouverte', 'Faite en 2026', 'Faite en 2025']);
    expect(review2025.reportees).toEqual([]);
    expect(review2025.faites).toBe(1);

    const review2026 = controlesBilan(db, 2026, NOW);
    expect(review2026.nouvelles.map((a) => a.id)).toEqual([fresh]);
    expect(review2026.reportees.map((a) => a.id).sort()).toEqual([open, doneIn2026].sort());
    expect(review2026.faites).toBe(1);
    expect(review2026.ouvertes).toBe(2);
    expect(review2026.lignesSuivies).toEqual([0]);

    // Still open in 2027: carried over again.
    expect(
      controlesBilan(db, 2027, NOW)
        .reportees.map((a) => a.id)
        .sort(),
    ).toEqual([open, fresh].sort());
    expect(
      listActions(db, { ouvertes: true }, NOW)
        .map((a) => a.id)
        .sort(),
    ).toEqual([open, fresh].sort());
  });
});
