import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTOR, NOW, auditRows, freshDb, makePoint, pointFields } from '../../../dev/test-support/registres';
import { ConflictError, NotFoundError } from '../errors';
import type { Db } from '../store/db';
import type { Store } from '../store/store';
import { createPoint, getPoint, listPoints, pointByCode, updatePoint } from './points';

let store: Store;
let db: Db;

beforeEach(() => {
  ({ store, db } = freshDb());
});
afterEach(() => store.close());

describe('reception points', () => {
  it('creates a point with all its fields and one audit row', async () => {
    const created = await createPoint(
      db,
      ACTOR,
      pointFields('mairie-centre', { nom: 'Mairie – accueil central', contact_id: 'mairie', type: 'mixte' }),
      NOW,
    );
    expect(await getPoint(db, created.id)).toMatchObject({
      code: 'mairie-centre',
      nom: 'Mairie – accueil central',
      entite: 'ville',
      type: 'mixte',
      voie: '1 place de la Mairie',
      code_postal: '99150',
      commune: 'Montrouval',
      contact_id: 'mairie',
      ouvert: true,
      cree_le: NOW.toISOString(),
    });
    const audit = await auditRows(db);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'creation',
      objet: 'point',
      objet_id: String(created.id),
      avant: null,
    });
    expect(JSON.parse(audit[0]?.apres ?? '')).toMatchObject({ code: 'mairie-centre', ouvert: true });
  });

  it('refuses a code already taken, whatever its case, and writes nothing', async () => {
    await makePoint(db, 'mairie-centre');
    await expect(createPoint(db, ACTOR, pointFields('MAIRIE-centre'), NOW)).rejects.toThrow(ConflictError);
    await expect(createPoint(db, ACTOR, pointFields('MAIRIE-centre'), NOW)).rejects.toThrow(
      /« MAIRIE-centre » est déjà celui du point « Point mairie-centre »/,
    );
    expect(await listPoints(db)).toHaveLength(1);
    expect(await auditRows(db)).toHaveLength(1);
  });

  it('updates and closes a point, auditing before and after; its own code stays allowed', async () => {
    const id = await makePoint(db, 'ccas-sud', { entite: 'ccas' });
    const other = await makePoint(db, 'pole-nord');
    const after = await updatePoint(
      db,
      ACTOR,
      id,
      pointFields('ccas-sud', { entite: 'ccas', nom: 'CCAS Sud', ouvert: false }),
      NOW,
    );
    expect(after).toMatchObject({ nom: 'CCAS Sud', ouvert: false });
    const row = (await auditRows(db, 'point')).at(-1);
    expect(row).toMatchObject({ action: 'modification', objet_id: String(id) });
    expect(JSON.parse(row?.avant ?? '')).toMatchObject({ nom: 'Point ccas-sud', ouvert: true });
    expect(JSON.parse(row?.apres ?? '')).toMatchObject({ nom: 'CCAS Sud', ouvert: false });

    await expect(updatePoint(db, ACTOR, other, pointFields('ccas-sud'), NOW)).rejects.toThrow(ConflictError);
    expect((await getPoint(db, other)).code).toBe('pole-nord');
    expect(await auditRows(db, 'point')).toHaveLength(3);
  });

  it('says an unknown point does not exist', async () => {
    await expect(getPoint(db, 999)).rejects.toThrow(NotFoundError);
    await expect(updatePoint(db, ACTOR, 999, pointFields('x'), NOW)).rejects.toThrow(
      "Le point d'accueil n° 999 n'existe pas.",
    );
    expect(await auditRows(db)).toHaveLength(0);
  });

  it('lists by name and filters by words (accents and case aside), entité and open state', async () => {
    await makePoint(db, 'ccas-sud', { nom: 'CCAS – accueil Sud', entite: 'ccas' });
    await makePoint(db, 'mairie-annexe', { nom: 'Mairie annexe Élysée', commune: 'Montrouval' });
    await makePoint(db, 'metro-tel', {
      nom: 'Allô Métropole',
      entite: 'metropole',
      type: 'telephonique',
      ouvert: false,
    });

    expect((await listPoints(db)).map((p) => p.code)).toEqual(['metro-tel', 'ccas-sud', 'mairie-annexe']);
    expect((await listPoints(db, { q: 'ELYSEE' })).map((p) => p.code)).toEqual(['mairie-annexe']);
    expect((await listPoints(db, { q: 'accueil ccas' })).map((p) => p.code)).toEqual(['ccas-sud']);
    expect((await listPoints(db, { q: 'metro-tel' })).map((p) => p.code)).toEqual(['metro-tel']);
    expect((await listPoints(db, { entite: 'ccas' })).map((p) => p.code)).toEqual(['ccas-sud']);
    expect((await listPoints(db, { ouvert: false })).map((p) => p.code)).toEqual(['metro-tel']);
    expect(await listPoints(db, { ouvert: true, entite: 'metropole' })).toEqual([]);
    expect((await listPoints(db, { q: 'sud' }))[0]).toEqual({
      id: expect.any(Number),
      code: 'ccas-sud',
      nom: 'CCAS – accueil Sud',
      entite: 'ccas',
      type: 'physique',
      commune: 'Montrouval',
      ouvert: true,
    });
  });

  it('finds a point by its code without regard to case', async () => {
    const id = await makePoint(db, 'Mairie-Centre');
    expect((await pointByCode(db, 'mairie-centre'))?.id).toBe(id);
    expect(await pointByCode(db, 'absent')).toBeNull();
  });
});
