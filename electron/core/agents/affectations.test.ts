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

beforeEach(async () => {
  ({ store, db } = freshDb());
  agent = await makeAgent(db, 'Durand');
  point = await makePoint(db, 'mairie');
});
afterEach(async () => store.close());

const assignmentAudit = () => auditRows(db, 'affectation');

describe('assignments', () => {
  it('adds an assignment, audited, and shows it as running today', async () => {
    const id = await makeAssignment(db, agent, point, '2026-01-05');
    expect(await assignmentsOf(db, agent, NOW)).toEqual([
      {
        id,
        point: { id: point, code: 'mairie', nom: 'Point mairie', ouvert: true },
        debut: '2026-01-05',
        fin: null,
        enCours: true,
      },
    ]);
    expect((await currentPoints(db, TODAY)).get(agent)).toEqual([
      { id: point, code: 'mairie', nom: 'Point mairie' },
    ]);
    expect(await assignmentAudit()).toEqual([
      expect.objectContaining({ action: 'creation', objet_id: String(id) }),
    ]);
  });

  it('refuses an assignment overlapping another of the same agent to the same point', async () => {
    await makeAssignment(db, agent, point, '2025-01-01', '2025-12-31');
    await expect(makeAssignment(db, agent, point, '2025-12-31')).rejects.toThrow(ConflictError);
    await expect(makeAssignment(db, agent, point, '2024-06-01', '2025-01-01')).rejects.toThrow(
      /du 2025-01-01 au 2025-12-31/,
    );
    await expect(makeAssignment(db, agent, point, '2024-01-01')).rejects.toThrow(ConflictError);
    // Next to it, or at another point, is fine.
    await makeAssignment(db, agent, point, '2026-01-01');
    await makeAssignment(db, agent, point, '2024-01-01', '2024-12-31');
    await makeAssignment(db, agent, await makePoint(db, 'ccas'), '2025-06-01');
    await expect(makeAssignment(db, agent, point, '2027-01-01')).rejects.toThrow(/depuis le 2026-01-01/);
    expect(await assignmentAudit()).toHaveLength(4);
  });

  it('refuses an end before the start, an unknown agent or point, and a closed point', async () => {
    await expect(
      addAssignment(
        db,
        ACTOR,
        { agentId: agent, pointId: point, debut: '2026-02-01', fin: '2026-01-31' },
        NOW,
      ),
    ).rejects.toThrow(RefusedError);
    await expect(makeAssignment(db, 999, point, '2026-01-01')).rejects.toThrow(NotFoundError);
    await expect(makeAssignment(db, agent, 999, '2026-01-01')).rejects.toThrow(NotFoundError);
    await updatePoint(db, ACTOR, point, pointFields('mairie', { ouvert: false }), NOW);
    await expect(makeAssignment(db, agent, point, '2026-01-01')).rejects.toThrow(/est fermé/);
    expect(await assignmentAudit()).toHaveLength(0);
  });

  it('ends a running assignment once, not before its start', async () => {
    const id = await makeAssignment(db, agent, point, '2026-01-05');
    await expect(endAssignment(db, ACTOR, id, '2026-01-04', NOW)).rejects.toThrow(RefusedError);
    expect(await endAssignment(db, ACTOR, id, '2026-11-22', NOW)).toMatchObject({ fin: '2026-11-22' });
    expect((await assignmentsOf(db, agent, NOW))[0]).toMatchObject({ fin: '2026-11-22', enCours: false });
    expect((await currentPoints(db, TODAY)).get(agent)).toBeUndefined();
    await expect(endAssignment(db, ACTOR, id, '2026-11-23', NOW)).rejects.toThrow(
      /déjà terminée \(le 2026-11-22\)/,
    );
    const rows = await assignmentAudit();
    expect(rows.map((r) => r.action)).toEqual(['creation', 'fin']);
    expect(JSON.parse(rows[1]?.avant ?? '')).toMatchObject({ fin: null });
    expect(JSON.parse(rows[1]?.apres ?? '')).toMatchObject({ fin: '2026-11-22' });
  });

  it('removes an assignment entered by mistake, keeping it in the audit trail', async () => {
    const id = await makeAssignment(db, agent, point, '2026-01-05');
    await removeAssignment(db, ACTOR, id, NOW);
    expect(await assignmentsOf(db, agent, NOW)).toEqual([]);
    const last = (await assignmentAudit()).at(-1);
    expect(last).toMatchObject({ action: 'suppression', apres: null });
    expect(JSON.parse(last?.avant ?? '')).toMatchObject({
      agent_id: agent,
      point_id: point,
      debut: '2026-01-05',
    });
    await expect(removeAssignment(db, ACTOR, id, NOW)).rejects.toThrow(NotFoundError);
  });

  it('counts as current only the assignments running today; running ones come first', async () => {
    const past = await makeAssignment(db, agent, point, '2024-01-01', '2024-12-31');
    const future = await makeAssignment(db, agent, await makePoint(db, 'futur'), '2026-12-01');
    const running = await makeAssignment(db, agent, await makePoint(db, 'ccas'), '2025-03-01', TODAY);
    expect((await assignmentsOf(db, agent, NOW)).map((a) => [a.id, a.enCours])).toEqual([
      [running, true],
      [future, false],
      [past, false],
    ]);
    expect((await currentPoints(db, TODAY)).get(agent)?.map((p) => p.code)).toEqual(['ccas']);
  });
});
