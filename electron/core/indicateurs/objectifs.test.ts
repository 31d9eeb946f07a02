import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../audit/record';
import { NotFoundError } from '../errors';
import { sql } from '../store/db';
import type { Store } from '../store/store';
import { listObjectives, removeObjective, setObjective, statusOf, trendOf } from './objectifs';
import { freshStore } from '../../../dev/test-support/indicateurs';

const ACTOR: Actor = { compteId: null, identifiant: 'gestionnaire' };
const NOW = new Date('2025-06-01T10:00:00Z');

let store: Store;
beforeEach(() => {
  store = freshStore();
});
afterEach(async () => {
  await store.close();
});

function auditRows() {
  return store.db.all(sql`SELECT action, objet, objet_id, avant, apres FROM audit ORDER BY id`);
}

describe('objectives', () => {
  it('starts with the label charter’s objectives', async () => {
    expect(await listObjectives(store.db)).toEqual([
      { indicateur: 'taux_premier_niveau', cible: 80, sens: 'au_moins', marge: 5 },
      { indicateur: 'taux_non_resolu', cible: 5, sens: 'au_plus', marge: 2 },
      { indicateur: 'points_labellises', cible: 34, sens: 'au_moins', marge: 2 },
      { indicateur: 'couverture_formation', cible: 90, sens: 'au_moins', marge: 5 },
    ]);
  });

  it('reaches, comes close to or misses a target, on the right side of it', async () => {
    const atLeast = {
      indicateur: 'taux_premier_niveau' as const,
      cible: 80,
      sens: 'au_moins' as const,
      marge: 5,
    };
    expect(statusOf(80, atLeast)).toBe('atteint');
    expect(statusOf(92.5, atLeast)).toBe('atteint');
    expect(statusOf(75, atLeast)).toBe('proche');
    expect(statusOf(74.9, atLeast)).toBe('non_atteint');
    const atMost = { indicateur: 'taux_non_resolu' as const, cible: 5, sens: 'au_plus' as const, marge: 2 };
    expect(statusOf(5, atMost)).toBe('atteint');
    expect(statusOf(0, atMost)).toBe('atteint');
    expect(statusOf(7, atMost)).toBe('proche');
    expect(statusOf(7.1, atMost)).toBe('non_atteint');
    expect(statusOf(null, atMost)).toBeNull();
    expect(statusOf(3, null)).toBeNull();
  });

  it('calls a trend up, down or stable on the values as shown', async () => {
    const range = { du: '2025-02-01', au: '2025-02-28' };
    expect(trendOf('taux_premier_niveau', 80.1, 80, range)).toEqual({
      ...range,
      precedente: 80,
      ecart: 0.1,
      sens: 'hausse',
    });
    expect(trendOf('contacts', 10, 12, range)).toMatchObject({ ecart: -2, sens: 'baisse' });
    expect(trendOf('taux_premier_niveau', 80, 80, range)).toMatchObject({ ecart: 0, sens: 'stable' });
    expect(trendOf('duree_moyenne', 146, null, range)).toMatchObject({
      precedente: null,
      ecart: null,
      sens: null,
    });
  });

  it('sets, replaces and removes an objective, each change in the audit trail', async () => {
    const db = store.db;
    await setObjective(
      db,
      ACTOR,
      { indicateur: 'taux_orientation', cible: 15, sens: 'au_plus', marge: 3 },
      NOW,
    );
    await setObjective(
      db,
      ACTOR,
      { indicateur: 'taux_premier_niveau', cible: 85, sens: 'au_moins', marge: 4 },
      NOW,
    );
    await removeObjective(db, ACTOR, 'points_labellises', NOW);
    expect((await listObjectives(db)).map((o) => [o.indicateur, o.cible])).toEqual([
      ['taux_premier_niveau', 85],
      ['taux_orientation', 15],
      ['taux_non_resolu', 5],
      ['couverture_formation', 90],
    ]);
    expect(await auditRows()).toEqual([
      {
        action: 'creation',
        objet: 'objectif',
        objet_id: 'taux_orientation',
        avant: null,
        apres: JSON.stringify({ indicateur: 'taux_orientation', cible: 15, sens: 'au_plus', marge: 3 }),
      },
      {
        action: 'modification',
        objet: 'objectif',
        objet_id: 'taux_premier_niveau',
        avant: JSON.stringify({ indicateur: 'taux_premier_niveau', cible: 80, sens: 'au_moins', marge: 5 }),
        apres: JSON.stringify({ indicateur: 'taux_premier_niveau', cible: 85, sens: 'au_moins', marge: 4 }),
      },
      {
        action: 'suppression',
        objet: 'objectif',
        objet_id: 'points_labellises',
        avant: JSON.stringify({ indicateur: 'points_labellises', cible: 34, sens: 'au_moins', marge: 2 }),
        apres: null,
      },
    ]);
  });

  it('refuses to remove an objective that does not exist, and writes no audit row', async () => {
    await expect(removeObjective(store.db, ACTOR, 'contacts', NOW)).rejects.toThrow(NotFoundError);
    await expect(removeObjective(store.db, ACTOR, 'contacts', NOW)).rejects.toThrow(
      '« Contacts » n’a pas d’objectif',
    );
    expect(await auditRows()).toEqual([]);
  });
});
