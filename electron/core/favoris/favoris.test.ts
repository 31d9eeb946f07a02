// Favourites and recent fiches per account: starred and unstarred, recent ones latest first and bounded, a fiche
// removed since shown as such among the favourites and skipped among the recent ones.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_RECENTS } from '../../../common/favoris/methods';
import { freshDb } from '../../../dev/test-support/registres';
import { NotFoundError } from '../errors';
import type { Db } from '../store/db';
import type { Store } from '../store/store';
import { listFavoris, recordView, setFavori } from './favoris';

let store: Store;
let db: Db;
let lea: number;
let marc: number;
const titles = new Map<string, string>([
  ['passeport', 'Passeport'],
  ['cni', 'Carte d’identité'],
  ['acte', 'Acte de naissance'],
]);
const fiches = (id: string) => {
  const titre = titles.get(id);
  return titre === undefined ? undefined : { titre };
};
const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 9, minute));

function compte(nom: string): number {
  return Number(
    db
      .prepare("INSERT INTO comptes (identifiant, nom, mot_de_passe, cree_le) VALUES (?, ?, 'x', ?)")
      .run(nom, nom, at(0).toISOString()).lastInsertRowid,
  );
}

beforeEach(() => {
  ({ store, db } = freshDb());
  lea = compte('lea');
  marc = compte('marc');
});
afterEach(() => store.close());

describe('favourites and recent fiches', () => {
  it('stars and unstars fiches per account, by title', () => {
    expect(setFavori(db, fiches, lea, 'passeport', true, at(1))).toEqual({ favori: true });
    setFavori(db, fiches, lea, 'acte', true, at(2));
    setFavori(db, fiches, lea, 'acte', true, at(3));
    expect(listFavoris(db, fiches, lea).favoris.map((f) => f.id)).toEqual(['acte', 'passeport']);
    expect(listFavoris(db, fiches, marc).favoris).toEqual([]);
    expect(setFavori(db, fiches, lea, 'acte', false, at(4))).toEqual({ favori: false });
    expect(listFavoris(db, fiches, lea).favoris.map((f) => f.id)).toEqual(['passeport']);
    expect(() => setFavori(db, fiches, lea, 'inconnue', true, at(5))).toThrow(NotFoundError);
  });

  it('keeps the last viewed fiches, latest first, at most the limit', () => {
    for (let i = 0; i < MAX_RECENTS + 5; i++) {
      const id = `fiche-${String(i).padStart(2, '0')}`;
      titles.set(id, `Fiche ${i}`);
      recordView(db, fiches, lea, id, at(i));
    }
    // Viewing again moves it to the top.
    expect(recordView(db, fiches, lea, 'fiche-10', at(59))).toEqual({ favori: false });
    const recents = listFavoris(db, fiches, lea).recents;
    expect(recents).toHaveLength(MAX_RECENTS);
    expect(recents.slice(0, 3).map((r) => r.id)).toEqual(['fiche-10', 'fiche-24', 'fiche-23']);
    expect(recents.map((r) => r.id)).not.toContain('fiche-04');
    expect(db.prepare('SELECT count(*) FROM fiches_vues').pluck().get()).toBe(MAX_RECENTS);
    expect(recordView(db, fiches, marc, 'passeport', at(1))).toEqual({ favori: false });
    setFavori(db, fiches, marc, 'passeport', true, at(2));
    expect(recordView(db, fiches, marc, 'passeport', at(3))).toEqual({ favori: true });
  });

  it('marks a removed fiche among the favourites and skips it among the recent ones', () => {
    setFavori(db, fiches, lea, 'cni', true, at(1));
    recordView(db, fiches, lea, 'cni', at(2));
    recordView(db, fiches, lea, 'passeport', at(3));
    titles.delete('cni');
    const { favoris, recents } = listFavoris(db, fiches, lea);
    expect(favoris).toEqual([{ id: 'cni', titre: 'Carte d’identité', retiree: true }]);
    expect(recents.map((r) => r.id)).toEqual(['passeport']);
    // A removed favourite can still be unstarred.
    setFavori(db, fiches, lea, 'cni', false, at(4));
    expect(listFavoris(db, fiches, lea).favoris).toEqual([]);
  });
});
