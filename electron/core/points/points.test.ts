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
  it('creates a point with all its fields and one audit row', () => {
    const created = createPoint(
      db,
      ACTOR,
      pointFields('mairie-centre', { nom: 'Mairie – accueil central', contact_id: 'mairie', type: 'mixte' }),
      NOW,
    );
    expect(getPoint(db, created.id)).toMatchObject({
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
    const audit = auditRows(db);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'creation',
      objet: 'point',
      objet_id: String(created.id),
      avant: null,
    });
    expect(JSON.parse(audit[0]?.apres ?? '')).toMatchObject({ code: 'mairie-centre', ouvert: true });
  });

  it('refuses a code already taken, whatever its case, and writes nothing', () => {
    makePoint(db, 'mairie-centre');
    expect(() => createPoint(db, ACTOR, pointFields('MAIRIE-centre'), NOW)).toThrow(ConflictError);
    expect(() => createPoint(db, ACTOR, pointFields('MAIRIE-centre'), NOW)).toThrow(
      /« MAIRIE-centre » est déjà celui du point « Point mairie-centre »/,
    );
    expect(listPoints(db)).toHaveLength(1);
    expect(auditRows(db)).toHaveLength(1);
  });

  it('updates and closes a point, auditing before and after; its own code stays allowed', () => {
    const id = makePoint(db, 'ccas-sud', { entite: 'ccas' });
    const other = makePoint(db, 'pole-nord');
    const after = updatePoint(
      db,
      ACTOR,
      id,
      pointFields('ccas-sud', { entite: 'ccas', nom: 'CCAS Sud', ouvert: false }),
      NOW,
    );
    expect(after).toMatchObject({ nom: 'CCAS Sud', ouvert: false });
    const row = auditRows(db, 'point').at(-1);
    expect(row).toMatchObject({ action: 'modification', objet_id: String(id) });
    expect(JSON.parse(row?.avant ?? '')).toMatchObject({ nom: 'Point ccas-sud', ouvert: true });
    expect(JSON.parse(row?.apres ?? '')).toMatchObject({ nom: 'CCAS Sud', ouvert: false });

    expect(() => updatePoint(db, ACTOR, other, pointFields('ccas-sud'), NOW)).toThrow(ConflictError);
    expect(getPoint(db, other).code).toBe('pole-nord');
    expect(auditRows(db, 'point')).toHaveLength(3);
  });

  it('says an unknown point does not exist', () => {
    expect(() => getPoint(db, 999)).toThrow(NotFoundError);
    expect(() => updatePoint(db, ACTOR, 999, pointFields('x'), NOW)).toThrow(
      "Le point d'accueil n° 999 n'existe pas.",
    );
    expect(auditRows(db)).toHaveLength(0);
  });

  it('lists by name and filters by words (accents and case aside), entité and open state', () => {
    makePoint(db, 'ccas-sud', { nom: 'CCAS – accueil Sud', entite: 'ccas' });
    makePoint(db, 'mairie-annexe', { nom: 'Mairie annexe Élysée', commune: 'Montrouval' });
    makePoint(db, 'metro-tel', {
      nom: 'Allô Métropole',
      entite: 'metropole',
      type: 'telephonique',
      ouvert: false,
    });

    expect(listPoints(db).map((p) => p.code)).toEqual(['metro-tel', 'ccas-sud', 'mairie-annexe']);
    expect(listPoints(db, { q: 'ELYSEE' }).map((p) => p.code)).toEqual(['mairie-annexe']);
    expect(listPoints(db, { q: 'accueil ccas' }).map((p) => p.code)).toEqual(['ccas-sud']);
    expect(listPoints(db, { q: 'metro-tel' }).map((p) => p.code)).toEqual(['metro-tel']);
    expect(listPoints(db, { entite: 'ccas' }).map((p) => p.code)).toEqual(['ccas-sud']);
    expect(listPoints(db, { ouvert: false }).map((p) => p.code)).toEqual(['metro-tel']);
    expect(listPoints(db, { ouvert: true, entite: 'metropole' })).toEqual([]);
    expect(listPoints(db, { q: 'sud' })[0]).toEqual({
      id: expect.any(Number),
      code: 'ccas-sud',
      nom: 'CCAS – accueil Sud',
      entite: 'ccas',
      type: 'physique',
      commune: 'Montrouval',
      ouvert: true,
    });
  });

  it('finds a point by its code without regard to case', () => {
    const id = makePoint(db, 'Mairie-Centre');
    expect(pointByCode(db, 'mairie-centre')?.id).toBe(id);
    expect(pointByCode(db, 'absent')).toBeNull();
  });
});
