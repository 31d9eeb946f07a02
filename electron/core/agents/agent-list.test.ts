import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../store/db';
import type { Store } from '../store/store';
import { listAgents } from './agent-list';
import { agentView } from './agent-view';
import { setAttendance } from '../formations/attendance';
import { createFormation } from '../formations/formations';
import {
  ACTOR,
  NOW,
  makeAssignment,
  freshDb,
  makeAgent,
  makePoint,
  trained,
} from '../../../dev/test-support/registres';
import { updateTrainingType } from '../formations/training-types';

let store: Store;
let db: Db;

beforeEach(async () => {
  ({ store, db } = freshDb());
});
afterEach(async () => store.close());

describe('agents list', () => {
  it('gives each agent its current points and Info’Cité training status, and filters', async () => {
    const mairie = await makePoint(db, 'mairie', { nom: 'Mairie' });
    const ccas = await makePoint(db, 'ccas', { nom: 'CCAS' });
    const upToDate = await makeAgent(db, 'Dupont', { prenom: 'Hélène', service: 'État civil' });
    const dueSoon = await makeAgent(db, 'Martin', { courriel: 'martin@montrouval.fr' });
    const expired = await makeAgent(db, 'Bernard');
    const never = await makeAgent(db, 'Zola', { actif: false });
    await makeAssignment(db, upToDate, mairie, '2025-01-01');
    await makeAssignment(db, upToDate, ccas, '2025-01-01');
    await makeAssignment(db, dueSoon, ccas, '2024-01-01', '2025-12-31');
    await makeAssignment(db, expired, ccas, '2025-01-01');
    await trained(db, 'infocite', '2026-01-15', upToDate);
    await trained(db, 'infocite', '2025-01-10', dueSoon);
    await trained(db, 'infocite', '2023-05-01', expired);
    // Another type does not count for Info'Cité.
    await trained(db, 'accueil', '2026-01-15', never);

    const all = await listAgents(db, {}, NOW);
    expect(all.map((a) => a.nom)).toEqual(['Bernard', 'Dupont', 'Martin', 'Zola']);
    const dupont = all.find((a) => a.id === upToDate);
    expect(dupont).toMatchObject({
      prenom: 'Hélène',
      actif: true,
      points: [
        { id: ccas, code: 'ccas', nom: 'CCAS' },
        { id: mairie, code: 'mairie', nom: 'Mairie' },
      ],
      infocite: {
        etat: 'a_jour',
        derniere: '2026-01-15',
        valideJusquau: '2028-01-14',
        recyclageLe: '2028-01-15',
      },
    });
    expect(all.find((a) => a.id === dueSoon)).toMatchObject({ points: [], infocite: { etat: 'a_recycler' } });
    expect(all.find((a) => a.id === expired)?.infocite.etat).toBe('expiree');
    expect(all.find((a) => a.id === never)?.infocite.etat).toBe('jamais');

    const names = async (filter: Parameters<typeof listAgents>[1]) =>
      (await listAgents(db, filter, NOW)).map((a) => a.nom);
    expect(await names({ formation: 'a_jour' })).toEqual(['Dupont']);
    expect(await names({ formation: 'a_recycler' })).toEqual(['Bernard', 'Martin']);
    expect(await names({ formation: 'non_forme' })).toEqual(['Zola']);
    expect(await names({ pointId: ccas })).toEqual(['Bernard', 'Dupont']);
    expect(await names({ pointId: mairie, formation: 'a_recycler' })).toEqual([]);
    expect(await names({ actif: false })).toEqual(['Zola']);
    expect(await names({ q: 'helene etat' })).toEqual(['Dupont']);
    expect(await names({ q: 'MARTIN@' })).toEqual(['Martin']);
  });
});

describe('agent page', () => {
  it('shows assignments, attendance and per type the latest session, validity and refresher date', async () => {
    const point = await makePoint(db, 'mairie');
    const id = await makeAgent(db, 'Dupont');
    await makeAssignment(db, id, point, '2025-01-01');
    await trained(db, 'infocite', '2023-03-01', id);
    const latest = await trained(db, 'infocite', '2025-03-01', id);
    const absent = await createFormation(
      db,
      ACTOR,
      { type: 'posture', date: '2026-05-01', formateur: '', lieu: '' },
      NOW,
    );
    await setAttendance(db, ACTOR, absent, [{ agentId: id, statut: 'absent' }], NOW);
    await trained(db, 'handicap', '2026-06-01', id);
    await updateTrainingType(db, ACTOR, { code: 'handicap', libelle: 'Handicap', validiteMois: null }, NOW);

    const view = await agentView(db, id, NOW);
    expect(view).toMatchObject({
      nom: 'Dupont',
      actif: true,
      affectations: [{ debut: '2025-01-01', enCours: true }],
    });
    expect(view.presences.map((p) => [p.type, p.date, p.statut])).toEqual([
      ['handicap', '2026-06-01', 'present'],
      ['posture', '2026-05-01', 'absent'],
      ['infocite', '2025-03-01', 'present'],
      ['infocite', '2023-03-01', 'present'],
    ]);
    expect(view.presences[2]?.sessionId).toBe(latest);
    const byType = Object.fromEntries(view.formations.map((f) => [f.type, f]));
    expect(view.formations.map((f) => f.type)).toEqual([
      'infocite',
      'accueil',
      'posture',
      'numerique',
      'handicap',
      'auditeur_interne',
    ]);
    expect(byType.infocite).toMatchObject({
      libelle: "Utilisation de la base Info'Cité",
      validiteMois: 24,
      etat: 'a_jour',
      derniere: '2025-03-01',
      valideJusquau: '2027-02-28',
      recyclageLe: '2027-03-01',
    });
    // Absent does not count.
    expect(byType.posture).toMatchObject({ etat: 'jamais', derniere: null });
    expect(byType.handicap).toMatchObject({ etat: 'a_jour', validiteMois: null, valideJusquau: null });
  });
});
