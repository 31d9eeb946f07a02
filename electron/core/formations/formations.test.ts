import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError, RefusedError } from '../errors';
import type { Db } from '../store/db';
import type { Store } from '../store/store';
import { setAttendance } from './attendance';
import { createFormation, listFormations, formationView, updateFormation } from './formations';
import { ACTOR, NOW, auditRows, freshDb, makeAgent, trained } from '../../../dev/test-support/registres';

let store: Store;
let db: Db;

beforeEach(async () => {
  ({ store, db } = freshDb());
});
afterEach(async () => store.close());

const fields = { type: 'infocite', date: '2026-10-01', formateur: 'F. Martin', lieu: 'Salle du conseil' };

describe('training sessions', () => {
  it('creates a session of a known type, audited', async () => {
    const id = await createFormation(db, ACTOR, fields, NOW);
    expect(await formationView(db, id, NOW)).toEqual({
      id,
      ...fields,
      typeLibelle: "Utilisation de la base Info'Cité",
      inscrits: 0,
      presents: 0,
      absents: 0,
      aVenir: false,
      participants: [],
    });
    expect(await auditRows(db)).toEqual([
      expect.objectContaining({ action: 'creation', objet: 'session_formation', objet_id: String(id) }),
    ]);
    await expect(createFormation(db, ACTOR, { ...fields, type: 'inconnu' }, NOW)).rejects.toThrow(
      NotFoundError,
    );
    expect(await auditRows(db)).toHaveLength(1);
  });

  it('lists sessions latest first with attendance counts, filtered by type and period', async () => {
    const [a, b, c] = [await makeAgent(db, 'A'), await makeAgent(db, 'B'), await makeAgent(db, 'C')];
    const first = await trained(db, 'infocite', '2025-03-01', a, b);
    const second = await createFormation(db, ACTOR, { ...fields, type: 'accueil', date: '2026-02-01' }, NOW);
    await setAttendance(
      db,
      ACTOR,
      second,
      [
        { agentId: a, statut: 'present' },
        { agentId: b, statut: 'absent' },
        { agentId: c, statut: 'inscrit' },
      ],
      NOW,
    );
    const future = await createFormation(db, ACTOR, { ...fields, date: '2027-01-15' }, NOW);

    const all = await listFormations(db, {}, NOW);
    expect(all.map((s) => s.id)).toEqual([future, second, first]);
    expect(all[0]).toMatchObject({ aVenir: true, inscrits: 0 });
    expect(all[1]).toMatchObject({
      typeLibelle: 'Accueil / Services Publics+',
      inscrits: 1,
      presents: 1,
      absents: 1,
    });
    expect(all[2]).toMatchObject({ presents: 2, inscrits: 0, absents: 0 });
    expect((await listFormations(db, { type: 'infocite' }, NOW)).map((s) => s.id)).toEqual([future, first]);
    expect((await listFormations(db, { du: '2025-03-01', au: '2026-02-01' }, NOW)).map((s) => s.id)).toEqual([
      second,
      first,
    ]);
    expect((await listFormations(db, { du: '2025-03-02' }, NOW)).map((s) => s.id)).toEqual([future, second]);
  });

  it('updates a session, but never to a future date while someone is marked present', async () => {
    const a = await makeAgent(db, 'A');
    const id = await trained(db, 'infocite', '2026-10-01', a);
    await updateFormation(db, ACTOR, id, { ...fields, lieu: 'Médiathèque' }, NOW);
    expect((await formationView(db, id, NOW)).lieu).toBe('Médiathèque');
    await expect(updateFormation(db, ACTOR, id, { ...fields, date: '2026-12-01' }, NOW)).rejects.toThrow(
      RefusedError,
    );
    expect((await formationView(db, id, NOW)).date).toBe('2026-10-01');
    const rows = await auditRows(db, 'session_formation');
    expect(rows.map((r) => r.action)).toEqual(['creation', 'presences', 'modification']);
    expect(JSON.parse(rows[2]?.avant ?? '')).toMatchObject({ lieu: 'Salle du conseil' });
    expect(JSON.parse(rows[2]?.apres ?? '')).toMatchObject({ lieu: 'Médiathèque' });
  });
});

describe('attendance', () => {
  it('replaces the whole list in one change, audited with before and after', async () => {
    const [a, b, c] = [
      await makeAgent(db, 'Albert'),
      await makeAgent(db, 'Bernard'),
      await makeAgent(db, 'Charles'),
    ];
    const id = await createFormation(db, ACTOR, fields, NOW);
    await setAttendance(
      db,
      ACTOR,
      id,
      [
        { agentId: a, statut: 'inscrit' },
        { agentId: b, statut: 'inscrit' },
      ],
      NOW,
    );
    await setAttendance(
      db,
      ACTOR,
      id,
      [
        { agentId: b, statut: 'present' },
        { agentId: c, statut: 'absent' },
      ],
      NOW,
    );
    const view = await formationView(db, id, NOW);
    expect(view.participants.map((p) => [p.nom, p.statut])).toEqual([
      ['Bernard', 'present'],
      ['Charles', 'absent'],
    ]);
    expect(view).toMatchObject({ presents: 1, absents: 1, inscrits: 0 });
    const last = (await auditRows(db, 'session_formation')).at(-1);
    expect(last?.action).toBe('presences');
    expect(JSON.parse(last?.avant ?? '')).toEqual([
      { agentId: a, statut: 'inscrit' },
      { agentId: b, statut: 'inscrit' },
    ]);
    expect(JSON.parse(last?.apres ?? '')).toEqual([
      { agentId: b, statut: 'present' },
      { agentId: c, statut: 'absent' },
    ]);
  });

  it('refuses « présent » at a future session, and leaves the list and the trail as they were', async () => {
    const a = await makeAgent(db, 'A');
    const id = await createFormation(db, ACTOR, { ...fields, date: '2026-11-24' }, NOW);
    await setAttendance(db, ACTOR, id, [{ agentId: a, statut: 'inscrit' }], NOW);
    const before = (await auditRows(db)).length;
    await expect(setAttendance(db, ACTOR, id, [{ agentId: a, statut: 'present' }], NOW)).rejects.toThrow(
      /n'a pas encore eu lieu/,
    );
    expect((await formationView(db, id, NOW)).participants).toMatchObject([
      { agentId: a, statut: 'inscrit' },
    ]);
    expect(await auditRows(db)).toHaveLength(before);
    // Today's session can be marked.
    const today = await createFormation(db, ACTOR, { ...fields, date: '2026-11-23' }, NOW);
    await setAttendance(db, ACTOR, today, [{ agentId: a, statut: 'present' }], NOW);
    expect((await formationView(db, today, NOW)).presents).toBe(1);
  });

  it('refuses an agent listed twice, an unknown agent or session, writing nothing', async () => {
    const a = await makeAgent(db, 'A');
    const id = await createFormation(db, ACTOR, fields, NOW);
    const before = (await auditRows(db)).length;
    await expect(
      setAttendance(
        db,
        ACTOR,
        id,
        [
          { agentId: a, statut: 'present' },
          { agentId: a, statut: 'absent' },
        ],
        NOW,
      ),
    ).rejects.toThrow(RefusedError);
    await expect(setAttendance(db, ACTOR, id, [{ agentId: 999, statut: 'present' }], NOW)).rejects.toThrow(
      NotFoundError,
    );
    await expect(setAttendance(db, ACTOR, 999, [], NOW)).rejects.toThrow(NotFoundError);
    expect((await formationView(db, id, NOW)).participants).toEqual([]);
    expect(await auditRows(db)).toHaveLength(before);
  });
});
