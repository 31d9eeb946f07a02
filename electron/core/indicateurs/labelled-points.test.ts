import { afterEach, describe, expect, it } from 'vitest';
import { addMonthsToDay, parisDay } from '../../../common/dates';
import { isLabelled } from '../label/lifecycle';
import { pointStates } from '../label/label-points';
import { seedDemoRegistry } from '../../../dev/seed/demo-registry';
import type { Store } from '../store/store';
import { freshDb } from '../../../dev/test-support/registres';
import { labelledPoints } from './labelled-points';

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
});

describe('labelledPoints', () => {
  // The dashboard reads the label in SQL for speed; the label's own pages read it through effectiveStatut. Both
  // must name the same points on any day, or the figures would contradict the register.
  it('names the same points as the label pages, on the demo history, at several dates', async () => {
    const fresh = await freshDb();
    store = fresh.store;
    const seededAt = new Date('2026-11-23T09:00:00Z');
    await seedDemoRegistry(fresh.db, seededAt);
    for (const months of [0, 3, 7, 13]) {
      const now = new Date(`${addMonthsToDay(parisDay(seededAt), months)}T09:00:00Z`);
      const day = parisDay(now);
      const fromSql = (await labelledPoints(fresh.db, day, {})).map((p) => p.pointId);
      const fromPages = (await pointStates(fresh.db, now))
        .filter((state) => isLabelled(state.statut))
        .map((state) => state.point.id);
      expect(fromSql.sort((a, b) => a - b)).toEqual(fromPages.sort((a, b) => a - b));
      if (months === 0) expect(fromSql).toHaveLength(34);
    }
  });
});
