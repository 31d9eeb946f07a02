import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError } from '../errors';
import type { Db } from '../store/db';
import type { Store } from '../store/store';
import { agentView } from '../agents/agent-view';
import { ACTOR, NOW, auditRows, freshDb, makeAgent, trained } from '../../../dev/test-support/registres';
import { listTrainingTypes, updateTrainingType } from './training-types';

let store: Store;
let db: Db;

beforeEach(async () => {
  ({ store, db } = freshDb());
});
afterEach(async () => store.close());

describe('training types', () => {
  it('lists the types in their order', async () => {
    expect((await listTrainingTypes(db)).map((t) => [t.code, t.validiteMois])).toEqual([
      ['infocite', 24],
      ['accueil', 36],
      ['posture', 36],
      ['numerique', 24],
      ['handicap', 36],
      ['auditeur_interne', 36],
    ]);
  });

  it('changes a validity, audited, and every status follows at once', async () => {
    const agent = await makeAgent(db, 'Dupont');
    await trained(db, 'infocite', '2025-01-10', agent);
    const infocite = async () => (await agentView(db, agent, NOW)).formations[0];
    expect(await infocite()).toMatchObject({ etat: 'a_recycler', valideJusquau: '2027-01-09' });
    await updateTrainingType(
      db,
      ACTOR,
      { code: 'infocite', libelle: 'Base Info’Cité', validiteMois: 12 },
      NOW,
    );
    expect(await infocite()).toMatchObject({
      libelle: 'Base Info’Cité',
      etat: 'expiree',
      valideJusquau: '2026-01-09',
    });
    await updateTrainingType(
      db,
      ACTOR,
      { code: 'infocite', libelle: 'Base Info’Cité', validiteMois: null },
      NOW,
    );
    expect(await infocite()).toMatchObject({ etat: 'a_jour', valideJusquau: null });
    const rows = await auditRows(db, 'type_formation');
    expect(rows).toHaveLength(2);
    expect(JSON.parse(rows[0]?.avant ?? '')).toMatchObject({ validiteMois: 24 });
    expect(JSON.parse(rows[0]?.apres ?? '')).toMatchObject({ validiteMois: 12 });
    await expect(
      updateTrainingType(db, ACTOR, { code: 'x', libelle: 'X', validiteMois: 1 }, NOW),
    ).rejects.toThrow(NotFoundError);
  });
});
