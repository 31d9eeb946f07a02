// Favourites and recent fiches per account: starred and unstarred, recent ones latest first and bounded, a fiche
// removed since shown as such among the favourites and skipped among the recent ones.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_RECENTS } from '../../../common/favoris/methods';
import { freshDb } from '../../../dev/test-support/registres';
import { NotFoundError } from '../errors';
import { sql, type Db } from '../store/db';
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

async function compte(nom: string): Promise<number> {
  return Number(
    await db.value<number>(
      sql`INSERT INTO comptes (identifiant, nom, mot_de_passe, cree_le)
          VALUES (${nom}, ${nom}, 'x', ${at(0).toISOString()}) RETURNING id`,
    ),
  );
}

beforeEach(async () => {
  ({ store, db } = await freshDb());
  lea = await compte('lea');
  marc = await compte('marc');
});
afterEach(async () => {
  await store.close();
});

describe('favourites and recent fiches', () => {
  it('stars and unstars fiches per account, by title', async () => {
    expect(await setFavori(db, fiches, lea, 'passeport', true, at(1))).toEqual({ favori: true });
    await setFavori(db, fiches, lea, 'acte', true, at(2));
    await setFavori(db, fiches, lea, 'acte', true, at(3));
    expect((await listFavoris(db, fiches, lea)).favoris.map((f) => f.id)).toEqual(['acte', 'passeport']);
    expect((await listFavoris(db, fiches, marc)).favoris).toEqual([]);
    expect(await setFavori(db, fiches, lea, 'acte', false, at(4))).toEqual({ favori: false });
    expect((await listFavoris(db, fiches, lea)).favoris.map((f) => f.id)).toEqual(['passeport']);
    await expect(setFavori(db, fiches, lea, 'inconnue', true, at(5))).rejects.toThrow(NotFoundError);
  });

  it('keeps the last viewed fiches, latest first, at most the limit', async () => {
    for (let i = 0; i < MAX_RECENTS + 5; i++) {
      const id = `fiche-${String(i).padStart(2, '0')}`;
      titles.set(id, `Fiche ${i}`);
      await recordView(db, fiches, lea, id, at(i));
    }
    // Viewing again moves it to the top.
    expect(await recordView(db, fiches, lea, 'fiche-10', at(59))).toEqual({ favori: false });
    const recents = (await listFavoris(db, fiches, lea)).recents;
    expect(recents).toHaveLength(MAX_RECENTS);
    expect(recents.slice(0, 3).map((r) => r.id)).toEqual(['fiche-10', 'fiche-24', 'fiche-23']);
    expect(recents.map((r) => r.id)).not.toContain('fiche-04');
    expect(await db.value(sql`SELECT count(*) FROM fiches_vues`)).toBe(MAX_RECENTS);
    expect(await recordView(db, fiches, marc, 'passeport', at(1))).toEqual({ favori: false });
    await setFavori(db, fiches, marc, 'passeport', true, at(2));
    expect(await recordView(db, fiches, marc, 'passeport', at(3))).toEqual({ favori: true });
  });

  it('marks a removed fiche among the favourites and skips it among the recent ones', async () => {
    await setFavori(db, fiches, lea, 'cni', true, at(1));
    await recordView(db, fiches, lea, 'cni', at(2));
    await recordView(db, fiches, lea, 'passeport', at(3));
    titles.delete('cni');
    const { favoris, recents } = await listFavoris(db, fiches, lea);
    expect(favoris).toEqual([{ id: 'cni', titre: 'Carte d’identité', retiree: true }]);
    expect(recents.map((r) => r.id)).toEqual(['passeport']);
    // A removed favourite can still be unstarred.
    await setFavori(db, fiches, lea, 'cni', false, at(4));
    expect((await listFavoris(db, fiches, lea)).favoris).toEqual([]);
  });
});
