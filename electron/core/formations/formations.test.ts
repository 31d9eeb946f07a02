import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError, RefusedError } from '../errors';
import type { Db } from '../store/db';
import type { Store } from '../store/store';
import { setAttendance } from './attendance';
import { createFormation, listFormations, formationView, updateFormation } from './formations';
import { ACTOR, NOW, auditRows, freshDb, makeAgent, trained } from '../../../dev/test-support/registres';

let store: Store;
let db: Db;

beforeEach(() => {
  ({ store, db } = freshDb());
});
afterEach(() => store.close());

const fields = { type: 'infocite', date: '2026-10-01', formateur: 'F. Martin', lieu: 'Salle du conseil' };

describe('training sessions', () => {
  it('creates a session of a known type, audited', () => {
    const id = createFormation(db, ACTOR, fields, NOW);
    expect(formationView(db, id, NOW)).toEqual({
      id,
      ...fields,
      typeLibelle: "Utilisation de la base Info'Cité",
      inscrits: 0,
      presents: 0,
      absents: 0,
      aVenir: false,
      participants: [],
    });
    expect(auditRows(db)).toEqual([
      expect.objectContaining({ action: 'creation', objet: 'session_formation', objet_id: String(id) }),
    ]);
    expect(() => createFormation(db, ACTOR, { ...fields, type: 'inconnu' }, NOW)).toThrow(NotFoundError);
    expect(auditRows(db)).toHaveLength(1);
  });

  it('lists sessions latest first with attendance counts, filtered by type and period', () => {
    const [a, b, c] = [makeAgent(db, 'A'), makeAgent(db, 'B'), makeAgent(db, 'C')];
    const first = trained(db, 'infocite', '2025-03-01', a, b);
    const second = createFormation(db, ACTOR, { ...fields, type: 'accueil', date: '2026-02-01' }, NOW);
    setAttendance(
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
    const future = createFormation(db, ACTOR, { ...fields, date: '2027-01-15' }, NOW);

    const all = listFormations(db, {}, NOW);
    expect(all.map((s) => s.id)).toEqual([future, second, first]);
    expect(all[0]).toMatchObject({ aVenir: true, inscrits: 0 });
    expect(all[1]).toMatchObject({
      typeLibelle: 'Accueil / Services Publics+',
      inscrits: 1,
      presents: 1,
      absents: 1,
    });
    expect(all[2]).toMatchObject({ presents: 2, inscrits: 0, absents: 0 });
    expect(listFormations(db, { type: 'infocite' }, NOW).map((s) => s.id)).toEqual([future, first]);
    expect(listFormations(db, { du: '2025-03-01', au: '2026-02-01' }, NOW).map((s) => s.id)).toEqual([
      second,
      first,
    ]);
    expect(listFormations(db, { du: '2025-03-02' }, NOW).map((s) => s.id)).toEqual([future, second]);
  });

  it('updates a session, but never to a future date while someone is marked present', () => {
    const a = makeAgent(db, 'A');
    const id = trained(db, 'infocite', '2026-10-01', a);
    updateFormation(db, ACTOR, id, { ...fields, lieu: 'Médiathèque' }, NOW);
    expect(formationView(db, id, NOW).lieu).toBe('Médiathèque');
    expect(() => updateFormation(db, ACTOR, id, { ...fields, date: '2026-12-01' }, NOW)).toThrow(
      RefusedError,
    );
    expect(formationView(db, id, NOW).date).toBe('2026-10-01');
    const rows = auditRows(db, 'session_formation');
    expect(rows.map((r) => r.action)).toEqual(['creation', 'presences', 'modification']);
    expect(JSON.parse(rows[2]?.avant ?? '')).toMatchObject({ lieu: 'Salle du conseil' });
    expect(JSON.parse(rows[2]?.apres ?? '')).toMatchObject({ lieu: 'Médiathèque' });
  });
});

describe('attendance', () => {
  it('replaces the whole list in one change, audited with before and after', () => {
    const [a, b, c] = [makeAgent(db, 'Albert'), makeAgent(db, 'Bernard'), makeAgent(db, 'Charles')];
    const id = createFormation(db, ACTOR, fields, NOW);
    setAttendance(
      db,
      ACTOR,
      id,
      [
        { agentId: a, statut: 'inscrit' },
        { agentId: b, statut: 'inscrit' },
      ],
      NOW,
    );
    setAttendance(
      db,
      ACTOR,
      id,
      [
        { agentId: b, statut: 'present' },
        { agentId: c, statut: 'absent' },
      ],
      NOW,
    );
    const view = formationView(db, id, NOW);
    expect(view.participants.map((p) => [p.nom, p.statut])).toEqual([
      ['Bernard', 'present'],
      ['Charles', 'absent'],
    ]);
    expect(view).toMatchObject({ presents: 1, absents: 1, inscrits: 0 });
    const last = auditRows(db, 'session_formation').at(-1);
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

  it('refuses « présent » at a future session, and leaves the list and the trail as they were', () => {
    const a = makeAgent(db, 'A');
    const id = createFormation(db, ACTOR, { ...fields, date: '2026-11-24' }, NOW);
    setAttendance(db, ACTOR, id, [{ agentId: a, statut: 'inscrit' }], NOW);
    const before = auditRows(db).length;
    expect(() => setAttendance(db, ACTOR, id, [{ agentId: a, statut: 'present' }], NOW)).toThrow(
      /n'a pas encore eu lieu/,
    );
    expect(formationView(db, id, NOW).participants).toMatchObject([{ agentId: a, statut: 'inscrit' }]);
    expect(auditRows(db)).toHaveLength(before);
    // Today's session can be marked.
    const today = createFormation(db, ACTOR, { ...fields, date: '2026-11-23' }, NOW);
    setAttendance(db, ACTOR, today, [{ agentId: a, statut: 'present' }], NOW);
    expect(formationView(db, today, NOW).presents).toBe(1);
  });

  it('refuses an agent listed twice, an unknown agent or session, writing nothing', () => {
    const a = makeAgent(db, 'A');
    const id = createFormation(db, ACTOR, fields, NOW);
    const before = auditRows(db).length;
    expect(() =>
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
    ).toThrow(RefusedError);
    expect(() => setAttendance(db, ACTOR, id, [{ agentId: 999, statut: 'present' }], NOW)).toThrow(
      NotFoundError,
    );
    expect(() => setAttendance(db, ACTOR, 999, [], NOW)).toThrow(NotFoundError);
    expect(formationView(db, id, NOW).participants).toEqual([]);
    expect(auditRows(db)).toHaveLength(before);
  });
});
