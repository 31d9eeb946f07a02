import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError } from '../errors';
import type { Db } from '../store/db';
import type { Store } from '../store/store';
import { agentView } from '../agents/agent-view';
import { ACTOR, NOW, auditRows, freshDb, makeAgent, trained } from '../../../dev/test-support/registres';
import { listTrainingTypes, updateTrainingType } from './training-types';

let store: Store;
let db: Db;

beforeEach(() => {
  ({ store, db } = freshDb());
});
afterEach(() => store.close());

describe('training types', () => {
  it('lists the types in their order', () => {
    expect(listTrainingTypes(db).map((t) => [t.code, t.validiteMois])).toEqual([
      ['infocite', 24],
      ['accueil', 36],
      ['posture', 36],
      ['numerique', 24],
      ['handicap', 36],
      ['auditeur_interne', 36],
    ]);
  });

  it('changes a validity, audited, and every status follows at once', () => {
    const agent = makeAgent(db, 'Dupont');
    trained(db, 'infocite', '2025-01-10', agent);
    const infocite = () => agentView(db, agent, NOW).formations[0];
    expect(infocite()).toMatchObject({ etat: 'a_recycler', valideJusquau: '2027-01-09' });
    updateTrainingType(db, ACTOR, { code: 'infocite', libelle: 'Base Info’Cité', validiteMois: 12 }, NOW);
    expect(infocite()).toMatchObject({
      libelle: 'Base Info’Cité',
      etat: 'expiree',
      valideJusquau: '2026-01-09',
    });
    updateTrainingType(db, ACTOR, { code: 'infocite', libelle: 'Base Info’Cité', validiteMois: null }, NOW);
    expect(infocite()).toMatchObject({ etat: 'a_jour', valideJusquau: null });
    const rows = auditRows(db, 'type_formation');
    expect(rows).toHaveLength(2);
    expect(JSON.parse(rows[0]?.avant ?? '')).toMatchObject({ validiteMois: 24 });
    expect(JSON.parse(rows[0]?.apres ?? '')).toMatchObject({ validiteMois: 12 });
    expect(() => updateTrainingType(db, ACTOR, { code: 'x', libelle: 'X', validiteMois: 1 }, NOW)).toThrow(
      NotFoundError,
    );
  });
});
