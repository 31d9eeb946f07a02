import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../store/db';
import type { Store } from '../store/store';
import { updateAgent } from '../agents/agents';
import { refreshersDue } from './refreshers';
import {
  ACTOR,
  NOW,
  makeAssignment,
  freshDb,
  makeAgent,
  makePoint,
  trained,
} from '../../../dev/test-support/registres';

let store: Store;
let db: Db;

beforeEach(async () => {
  ({ store, db } = freshDb());
});
afterEach(async () => store.close());

describe('refreshers due', () => {
  it('lists the assigned active agents whose training expired or expires within N days', async () => {
    const point = await makePoint(db, 'mairie', { nom: 'Mairie' });
    const expired = await makeAgent(db, 'Expirée');
    const soon = await makeAgent(db, 'Bientôt');
    const fine = await makeAgent(db, 'Tranquille');
    const unassigned = await makeAgent(db, 'Sans point');
    const inactive = await makeAgent(db, 'Partie');
    const never = await makeAgent(db, 'Jamais');
    for (const agent of [expired, soon, fine, inactive, never])
      await makeAssignment(db, agent, point, '2024-01-01');
    await makeAssignment(db, unassigned, point, '2024-01-01', '2025-12-31');
    await trained(db, 'infocite', '2024-06-01', expired); // until 2026-05-31
    await trained(db, 'infocite', '2025-01-10', soon); // until 2027-01-09, 47 days
    await trained(db, 'accueil', '2024-01-15', soon); // 36 months: until 2027-01-14, 52 days
    await trained(db, 'infocite', '2026-01-10', fine);
    await trained(db, 'infocite', '2023-01-10', unassigned, inactive);
    await updateAgent(
      db,
      ACTOR,
      inactive,
      { nom: 'Partie', prenom: 'Camille', service: '', courriel: null, actif: false },
      NOW,
    );

    const rows = await refreshersDue(db, 90, NOW);
    expect(rows.map((r) => [r.agent.nom, r.type.code, r.etat, r.joursRestants])).toEqual([
      ['Expirée', 'infocite', 'expiree', -176],
      ['Bientôt', 'infocite', 'a_recycler', 47],
      ['Bientôt', 'accueil', 'a_recycler', 52],
    ]);
    expect(rows[1]).toEqual({
      agent: { id: soon, nom: 'Bientôt', prenom: 'Camille', service: '' },
      type: { code: 'infocite', libelle: "Utilisation de la base Info'Cité" },
      derniere: '2025-01-10',
      valideJusquau: '2027-01-09',
      recyclageLe: '2027-01-10',
      joursRestants: 47,
      etat: 'a_recycler',
      points: [{ id: point, code: 'mairie', nom: 'Mairie' }],
    });
    expect((await refreshersDue(db, 50, NOW)).map((r) => r.type.code)).toEqual(['infocite', 'infocite']);
    expect((await refreshersDue(db, 0, NOW)).map((r) => r.agent.nom)).toEqual(['Expirée']);
  });
});
