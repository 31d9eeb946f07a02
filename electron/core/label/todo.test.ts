import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../audit/record';
import type { Db } from '../store/db';
import { Store } from '../store/store';
import {
  assign,
  attend,
  insertAgent,
  insertPoint,
  insertSession,
  trainedAgent,
} from '../../../dev/test-support/registres';
import { decideLabel } from './decide';
import { labelPoint, listLabelPoints } from './label-points';
import { labelTodo } from './todo';

const GRANTED_ON = new Date('2025-01-15T09:00:00Z');
// Monday 23 November 2026, 10:00 in Paris.
const NOW = new Date('2026-11-23T09:00:00Z');
const ACTOR: Actor = { compteId: null, identifiant: 'test' };

let store: Store;
let db: Db;

beforeEach(async () => {
  store = new Store(mkdtempSync(join(tmpdir(), 'label-todo-')));
  db = store.db;
});

afterEach(async () => store.close());

/** A point labelled on 2025-01-15 by a 36-month label, with two agents trained on `trainedOn`. */
async function labelledPoint(
  nom: string,
  trainedOn: string,
  grantedOn = GRANTED_ON,
): Promise<{ pointId: number; agents: number[] }> {
  const pointId = await insertPoint(db, { nom });
  const session = await insertSession(db, 'infocite', trainedOn);
  const agents = [await insertAgent(db, { nom: `${nom} A` }), await insertAgent(db, { nom: `${nom} B` })];
  for (const agentId of agents) {
    await assign(db, agentId, pointId, '2020-01-01');
    await attend(db, session, agentId);
  }
  for (const action of ['demander', 'instruire', 'accorder'] as const)
    await decideLabel(db, ACTOR, { pointId, action }, grantedOn);
  return { pointId, agents };
}

describe('what needs action', () => {
  it('flags a labelled point « à régulariser » once an agent’s training has expired', async () => {
    // Trained on 2024-12-01: valid until 2026-11-30, a week after NOW.
    const { pointId } = await labelledPoint('Mairie', '2024-12-01');
    expect(await labelPoint(db, pointId, NOW)).toMatchObject({ statut: 'labellise', aRegulariser: false });
    expect((await labelTodo(db, NOW)).toRegularise).toEqual([]);

    const later = new Date('2026-12-01T09:00:00Z');
    expect(await labelPoint(db, pointId, later)).toMatchObject({ statut: 'labellise', aRegulariser: true });
    const todo = await labelTodo(db, later);
    expect(todo.toRegularise).toMatchObject([{ pointId, nom: 'Mairie', statut: 'labellise' }]);
    expect(todo.toRegularise[0]?.manques.join(' ')).toContain('formation expirée');
    expect((await listLabelPoints(db, { aRegulariser: true }, later)).points.map((p) => p.id)).toEqual([
      pointId,
    ]);
    expect((await listLabelPoints(db, { aRegulariser: true }, NOW)).points).toEqual([]);

    // A suspended label is not « à régulariser »: it is already out of force.
    await decideLabel(db, ACTOR, { pointId, action: 'suspendre', motif: 'Formation à refaire' }, later);
    expect((await labelTodo(db, later)).toRegularise).toEqual([]);
  });

  it('lists the agents whose training runs out within the alert period, or has', async () => {
    const { agents } = await labelledPoint('Mairie', '2024-12-01');
    const pointId = await insertPoint(db, { nom: 'CCAS' });
    // Another type, 36 months: 2023-10-01 → valid until 2026-09-30, already expired.
    const late = await trainedAgent(db, pointId, '2022-01-01', '2023-10-01', { nom: 'Zola' }, 'accueil');
    // Valid for long: not listed.
    await trainedAgent(db, pointId, '2022-01-01', '2026-06-01', { nom: 'Loin' });
    // No longer assigned: not listed.
    const gone = await insertAgent(db, { nom: 'Parti' });
    await assign(db, gone, pointId, '2020-01-01', '2026-10-31');
    await attend(db, await insertSession(db, 'infocite', '2024-12-02'), gone);

    const { refreshers } = await labelTodo(db, NOW);
    expect(refreshers.map((r) => [r.agentId, r.typeFormation.code, r.valideJusquau, r.expiree])).toEqual([
      [late, 'accueil', '2026-09-30', true],
      [agents[0], 'infocite', '2026-11-30', false],
      [agents[1], 'infocite', '2026-11-30', false],
    ]);
    expect(refreshers[0]?.points).toEqual([{ id: pointId, nom: 'CCAS' }]);
    // A refresher attended since replaces the old session.
    await attend(db, await insertSession(db, 'accueil', '2026-11-02'), late);
    expect((await labelTodo(db, NOW)).refreshers.some((r) => r.agentId === late)).toBe(false);
  });

  it('lists labels expiring within the alert period and expired ones, soonest first', async () => {
    // Granted 2023-12-20 → expires 2026-12-20, within 90 days.
    const soon = (await labelledPoint('Bientôt', '2023-06-01', new Date('2023-12-20T09:00:00Z'))).pointId;
    // Granted 2023-10-01 → expired 2026-10-01.
    const expired = (await labelledPoint('Expiré', '2023-06-01', new Date('2023-10-01T09:00:00Z'))).pointId;
    // Granted 2025-01-15 → 2028-01-15: not listed.
    await labelledPoint('Tranquille', '2025-01-01');
    const todo = await labelTodo(db, NOW);
    expect(todo.expiring).toEqual([
      {
        pointId: expired,
        nom: 'Expiré',
        entite: 'ville',
        statut: 'expire',
        expireLe: '2026-10-01',
        joursRestants: -53,
      },
      {
        pointId: soon,
        nom: 'Bientôt',
        entite: 'ville',
        statut: 'labellise',
        expireLe: '2026-12-20',
        joursRestants: 27,
      },
    ]);
    expect((await listLabelPoints(db, { expireDansJours: 90 }, NOW)).points.map((p) => p.nom)).toEqual([
      'Bientôt',
    ]);
    expect((await listLabelPoints(db, { statut: 'expire' }, NOW)).points.map((p) => p.nom)).toEqual([
      'Expiré',
    ]);
    // Asked for again: no longer an expired label waiting.
    await decideLabel(db, ACTOR, { pointId: expired, action: 'demander' }, NOW);
    expect((await labelTodo(db, NOW)).expiring.map((e) => e.pointId)).toEqual([soon]);
  });

  it('filters the points by words, entity and state, and counts them by state', async () => {
    await labelledPoint('Mairie annexe Nord', '2025-01-01');
    await insertPoint(db, { nom: 'CCAS – accueil Sud', entite: 'ccas', commune: 'Montrouval' });
    const list = await listLabelPoints(db, {}, NOW);
    expect(list.total).toBe(2);
    expect(list.parStatut).toMatchObject({ labellise: 1, aucun: 1 });
    expect(list.points.map((p) => p.nom)).toEqual(['CCAS – accueil Sud', 'Mairie annexe Nord']);
    expect(list.points[1]).toMatchObject({
      agents: 2,
      formes: 2,
      regleRespectee: true,
      expireLe: '2028-01-15',
    });
    expect((await listLabelPoints(db, { q: 'annexe nord' }, NOW)).points.map((p) => p.nom)).toEqual([
      'Mairie annexe Nord',
    ]);
    expect((await listLabelPoints(db, { q: 'ccas accueil sud' }, NOW)).points).toHaveLength(1);
    expect((await listLabelPoints(db, { entite: 'ccas' }, NOW)).points.map((p) => p.nom)).toEqual([
      'CCAS – accueil Sud',
    ]);
    expect((await listLabelPoints(db, { statut: 'aucun' }, NOW)).points.map((p) => p.nom)).toEqual([
      'CCAS – accueil Sud',
    ]);
  });
});
