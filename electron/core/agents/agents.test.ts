import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../errors';
import type { Db } from '../store/db';
import type { Store } from '../store/store';
import { agentByEmail, createAgent, getAgent, updateAgent } from './agents';
import { ACTOR, NOW, auditRows, freshDb } from '../../../dev/test-support/registres';

let store: Store;
let db: Db;

beforeEach(async () => {
  ({ store, db } = freshDb());
});
afterEach(async () => store.close());

const lea = {
  nom: 'Durand',
  prenom: 'Léa',
  service: 'État civil',
  courriel: 'lea.durand@montrouval.fr',
  actif: true,
};

describe('agents', () => {
  it('creates an agent with one audit row', async () => {
    const agent = await createAgent(db, ACTOR, lea, NOW);
    expect(await getAgent(db, agent.id)).toEqual({ id: agent.id, ...lea, cree_le: NOW.toISOString() });
    expect(await auditRows(db)).toEqual([
      expect.objectContaining({
        action: 'creation',
        objet: 'agent',
        objet_id: String(agent.id),
        avant: null,
      }),
    ]);
  });

  it('allows several agents without email but refuses an email already taken, whatever its case', async () => {
    await createAgent(db, ACTOR, { ...lea, courriel: null }, NOW);
    await createAgent(db, ACTOR, { ...lea, courriel: null }, NOW);
    await createAgent(db, ACTOR, lea, NOW);
    await expect(
      createAgent(db, ACTOR, { ...lea, courriel: 'LEA.Durand@montrouval.fr' }, NOW),
    ).rejects.toThrow(ConflictError);
    expect((await agentByEmail(db, 'LEA.DURAND@MONTROUVAL.FR'))?.prenom).toBe('Léa');
    expect(await auditRows(db)).toHaveLength(3);
  });

  it('updates an agent (deactivating is an update), auditing before and after', async () => {
    const { id } = await createAgent(db, ACTOR, lea, NOW);
    const other = await createAgent(db, ACTOR, { ...lea, courriel: 'autre@montrouval.fr' }, NOW);
    const after = await updateAgent(db, ACTOR, id, { ...lea, service: 'Accueil', actif: false }, NOW);
    expect(after).toMatchObject({ service: 'Accueil', actif: false });
    const row = (await auditRows(db)).at(-1);
    expect(row).toMatchObject({ action: 'modification', objet: 'agent', objet_id: String(id) });
    expect(JSON.parse(row?.avant ?? '')).toMatchObject({ service: 'État civil', actif: true });
    expect(JSON.parse(row?.apres ?? '')).toMatchObject({ service: 'Accueil', actif: false });

    await expect(updateAgent(db, ACTOR, other.id, lea, NOW)).rejects.toThrow(/déjà celui de Léa Durand/);
    await expect(updateAgent(db, ACTOR, 999, lea, NOW)).rejects.toThrow(NotFoundError);
    expect(await auditRows(db)).toHaveLength(3);
  });
});
