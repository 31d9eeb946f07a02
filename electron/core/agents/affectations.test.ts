import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { updatePoint } from '../points/points';
import { ConflictError, NotFoundError, RefusedError } from '../errors';
import type { Db } from '../store/db';
import type { Store } from '../store/store';
import { addAssignment, assignmentsOf, currentPoints, endAssignment, removeAssignment } from './affectations';
import {
  ACTOR,
  NOW,
  TODAY,
  makeAssignment,
  auditRows,
  freshDb,
  makeAgent,
  makePoint,
  pointFields,
} from '../../../dev/test-support/registres';

let store: Store;
let db: Db;
let agent: number;
let point: number;

beforeEach(() => {
  ({ store, db } = freshDb());
  agent = makeAgent(db, 'Durand');
  point = makePoint(db, 'mairie');
});
afterEach(() => store.close());

const assignmentAudit = () => auditRows(db, 'affectation');

describe('assignments', () => {
  it('adds an assignment, audited, and shows it as running today', () => {
    const id = makeAssignment(db, agent, point, '2026-01-05');
    expect(assignmentsOf(db, agent, NOW)).toEqual([
      {
        id,
        point: { id: point, code: 'mairie', nom: 'Point mairie', ouvert: true },
        debut: '2026-01-05',
        fin: null,
        enCours: true,
      },
    ]);
    expect(currentPoints(db, TODAY).get(agent)).toEqual([{ id: point, code: 'mairie', nom: 'Point mairie' }]);
    expect(assignmentAudit()).toEqual([
      expect.objectContaining({ action: 'creation', objet_id: String(id) }),
    ]);
  });

  it('refuses an assignment overlapping another of the same agent to the same point', () => {
    makeAssignment(db, agent, point, '2025-01-01', '2025-12-31');
    expect(() => makeAssignment(db, agent, point, '2025-12-31')).toThrow(ConflictError);
    expect(() => makeAssignment(db, agent, point, '2024-06-01', '2025-01-01')).toThrow(
      /du 2025-01-01 au 2025-12-31/,
    );
    expect(() => makeAssignment(db, agent, point, '2024-01-01')).toThrow(ConflictError);
    // Next to it, or at another point, is fine.
    makeAssignment(db, agent, point, '2026-01-01');
    makeAssignment(db, agent, point, '2024-01-01', '2024-12-31');
    makeAssignment(db, agent, makePoint(db, 'ccas'), '2025-06-01');
    expect(() => makeAssignment(db, agent, point, '2027-01-01')).toThrow(/depuis le 2026-01-01/);
    expect(assignmentAudit()).toHaveLength(4);
  });

  it('refuses an end before the start, an unknown agent or point, and a closed point', () => {
    expect(() =>
      addAssignment(
        db,
        ACTOR,
        { agentId: agent, pointId: point, debut: '2026-02-01', fin: '2026-01-31' },
        NOW,
      ),
    ).toThrow(RefusedError);
    expect(() => makeAssignment(db, 999, point, '2026-01-01')).toThrow(NotFoundError);
    expect(() => makeAssignment(db, agent, 999, '2026-01-01')).toThrow(NotFoundError);
    updatePoint(db, ACTOR, point, pointFields('mairie', { ouvert: false }), NOW);
    expect(() => makeAssignment(db, agent, point, '2026-01-01')).toThrow(/est fermé/);
    expect(assignmentAudit()).toHaveLength(0);
  });

  it('ends a running assignment once, not before its start', () => {
    const id = makeAssignment(db, agent, point, '2026-01-05');
    expect(() => endAssignment(db, ACTOR, id, '2026-01-04', NOW)).toThrow(RefusedError);
    expect(endAssignment(db, ACTOR, id, '2026-11-22', NOW)).toMatchObject({ fin: '2026-11-22' });
    expect(assignmentsOf(db, agent, NOW)[0]).toMatchObject({ fin: '2026-11-22', enCours: false });
    expect(currentPoints(db, TODAY).get(agent)).toBeUndefined();
    expect(() => endAssignment(db, ACTOR, id, '2026-11-23', NOW)).toThrow(/déjà terminée \(le 2026-11-22\)/);
    const rows = assignmentAudit();
    expect(rows.map((r) => r.action)).toEqual(['creation', 'fin']);
    expect(JSON.parse(rows[1]?.avant ?? '')).toMatchObject({ fin: null });
    expect(JSON.parse(rows[1]?.apres ?? '')).toMatchObject({ fin: '2026-11-22' });
  });

  it('removes an assignment entered by mistake, keeping it in the audit trail', () => {
    const id = makeAssignment(db, agent, point, '2026-01-05');
    removeAssignment(db, ACTOR, id, NOW);
    expect(assignmentsOf(db, agent, NOW)).toEqual([]);
    const last = assignmentAudit().at(-1);
    expect(last).toMatchObject({ action: 'suppression', apres: null });
    expect(JSON.parse(last?.avant ?? '')).toMatchObject({
      agent_id: agent,
      point_id: point,
      debut: '2026-01-05',
    });
    expect(() => removeAssignment(db, ACTOR, id, NOW)).toThrow(NotFoundError);
  });

  it('counts as current only the assignments running today; running ones come first', () => {
    const past = makeAssignment(db, agent, point, '2024-01-01', '2024-12-31');
    const future = makeAssignment(db, agent, makePoint(db, 'futur'), '2026-12-01');
    const running = makeAssignment(db, agent, makePoint(db, 'ccas'), '2025-03-01', TODAY);
    expect(assignmentsOf(db, agent, NOW).map((a) => [a.id, a.enCours])).toEqual([
      [running, true],
      [future, false],
      [past, false],
    ]);
    expect(
      currentPoints(db, TODAY)
        .get(agent)
        ?.map((p) => p.code),
    ).toEqual(['ccas']);
  });
});
