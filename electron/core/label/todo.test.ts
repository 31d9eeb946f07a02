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

beforeEach(() => {
  store = new Store(mkdtempSync(join(tmpdir(), 'label-todo-')));
  db = store.db;
});

afterEach(() => store.close());

/** A point labelled on 2025-01-15 by a 36-month label, with two agents trained on `trainedOn`. */
function labelledPoint(
  nom: string,
  trainedOn: string,
  grantedOn = GRANTED_ON,
): { pointId: number; agents: number[] } {
  const pointId = insertPoint(db, { nom });
  const session = insertSession(db, 'infocite', trainedOn);
  const agents = [insertAgent(db, { nom: `${nom} A` }), insertAgent(db, { nom: `${nom} B` })];
  for (const agentId of agents) {
    assign(db, agentId, pointId, '2020-01-01');
    attend(db, session, agentId);
  }
  for (const action of ['demander', 'instruire', 'accorder'] as const)
    decideLabel(db, ACTOR, { pointId, action }, grantedOn);
  return { pointId, agents };
}

describe('what needs action', () => {
  it('flags a labelled point « à régulariser » once an agent’s training has expired', () => {
    // Trained on 2024-12-01: valid until 2026-11-30, a week after NOW.
    const { pointId } = labelledPoint('Mairie', '2024-12-01');
    expect(labelPoint(db, pointId, NOW)).toMatchObject({ statut: 'labellise', aRegulariser: false });
    expect(labelTodo(db, NOW).toRegularise).toEqual([]);

    const later = new Date('2026-12-01T09:00:00Z');
    expect(labelPoint(db, pointId, later)).toMatchObject({ statut: 'labellise', aRegulariser: true });
    const todo = labelTodo(db, later);
    expect(todo.toRegularise).toMatchObject([{ pointId, nom: 'Mairie', statut: 'labellise' }]);
    expect(todo.toRegularise[0]?.manques.join(' ')).toContain('formation expirée');
    expect(listLabelPoints(db, { aRegulariser: true }, later).points.map((p) => p.id)).toEqual([pointId]);
    expect(listLabelPoints(db, { aRegulariser: true }, NOW).points).toEqual([]);

    // A suspended label is not « à régulariser »: it is already out of force.
    decideLabel(db, ACTOR, { pointId, action: 'suspendre', motif: 'Formation à refaire' }, later);
    expect(labelTodo(db, later).toRegularise).toEqual([]);
  });

  it('lists the agents whose training runs out within the alert period, or has', () => {
    const { agents } = labelledPoint('Mairie', '2024-12-01');
    const pointId = insertPoint(db, { nom: 'CCAS' });
    // Another type, 36 months: 2023-10-01 → valid until 2026-09-30, already expired.
    const late = trainedAgent(db, pointId, '2022-01-01', '2023-10-01', { nom: 'Zola' }, 'accueil');
    // Valid for long: not listed.
    trainedAgent(db, pointId, '2022-01-01', '2026-06-01', { nom: 'Loin' });
    // No longer assigned: not listed.
    const gone = insertAgent(db, { nom: 'Parti' });
    assign(db, gone, pointId, '2020-01-01', '2026-10-31');
    attend(db, insertSession(db, 'infocite', '2024-12-02'), gone);

    const { refreshers } = labelTodo(db, NOW);
    expect(refreshers.map((r) => [r.agentId, r.typeFormation.code, r.valideJusquau, r.expiree])).toEqual([
      [late, 'accueil', '2026-09-30', true],
      [agents[0], 'infocite', '2026-11-30', false],
      [agents[1], 'infocite', '2026-11-30', false],
    ]);
    expect(refreshers[0]?.points).toEqual([{ id: pointId, nom: 'CCAS' }]);
    // A refresher attended since replaces the old session.
    attend(db, insertSession(db, 'accueil', '2026-11-02'), late);
    expect(labelTodo(db, NOW).refreshers.some((r) => r.agentId === late)).toBe(false);
  });

  it('lists labels expiring within the alert period and expired ones, soonest first', () => {
    // Granted 2023-12-20 → expires 2026-12-20, within 90 days.
    const soon = labelledPoint('Bientôt', '2023-06-01', new Date('2023-12-20T09:00:00Z')).pointId;
    // Granted 2023-10-01 → expired 2026-10-01.
    const expired = labelledPoint('Expiré', '2023-06-01', new Date('2023-10-01T09:00:00Z')).pointId;
    // Granted 2025-01-15 → 2028-01-15: not listed.
    labelledPoint('Tranquille', '2025-01-01');
    const todo = labelTodo(db, NOW);
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
    expect(listLabelPoints(db, { expireDansJours: 90 }, NOW).points.map((p) => p.nom)).toEqual(['Bientôt']);
    expect(listLabelPoints(db, { statut: 'expire' }, NOW).points.map((p) => p.nom)).toEqual(['Expiré']);
    // Asked for again: no longer an expired label waiting.
    decideLabel(db, ACTOR, { pointId: expired, action: 'demander' }, NOW);
    expect(labelTodo(db, NOW).expiring.map((e) => e.pointId)).toEqual([soon]);
  });

  it('filters the points by words, entity and state, and counts them by state', () => {
    labelledPoint('Mairie annexe Nord', '2025-01-01');
    insertPoint(db, { nom: 'CCAS – accueil Sud', entite: 'ccas', commune: 'Montrouval' });
    const list = listLabelPoints(db, {}, NOW);
    expect(list.total).toBe(2);
    expect(list.parStatut).toMatchObject({ labellise: 1, aucun: 1 });
    expect(list.points.map((p) => p.nom)).toEqual(['CCAS – accueil Sud', 'Mairie annexe Nord']);
    expect(list.points[1]).toMatchObject({
      agents: 2,
      formes: 2,
      regleRespectee: true,
      expireLe: '2028-01-15',
    });
    expect(listLabelPoints(db, { q: 'annexe nord' }, NOW).points.map((p) => p.nom)).toEqual([
      'Mairie annexe Nord',
    ]);
    expect(listLabelPoints(db, { q: 'ccas accueil sud' }, NOW).points).toHaveLength(1);
    expect(listLabelPoints(db, { entite: 'ccas' }, NOW).points.map((p) => p.nom)).toEqual([
      'CCAS – accueil Sud',
    ]);
    expect(listLabelPoints(db, { statut: 'aucun' }, NOW).points.map((p) => p.nom)).toEqual([
      'CCAS – accueil Sud',
    ]);
  });
});
