// Each account's starred fiches and its last viewed ones. Titles are copied when a fiche is starred or viewed,
// so a fiche removed since still shows under its name (marked) in the favourites; the recent list skips it.
import type { FavoriItem, RecentItem } from '../../../common/favoris/methods';
import { MAX_FAVORIS, MAX_RECENTS } from '../../../common/favoris/methods';
import { NotFoundError, RefusedError } from '../errors';
import type { FicheLookup } from '../flash/flash';
import type { Db } from '../store/db';

function published(fiches: FicheLookup, ficheId: string): { titre: string } {
  const fiche = fiches(ficheId);
  if (!fiche) throw new NotFoundError(`La fiche « ${ficheId} » n’existe pas ou n’est pas publiée.`);
  return fiche;
}

function isFavori(db: Db, compteId: number, ficheId: string): boolean {
  return (
    db
      .prepare('SELECT 1 FROM favoris WHERE compte_id = ? AND fiche_id = ?')
      .pluck()
      .get(compteId, ficheId) !== undefined
  );
}

/** Stars or unstars a fiche; unstarring also works for a fiche removed since. */
export function setFavori(
  db: Db,
  fiches: FicheLookup,
  compteId: number,
  ficheId: string,
  favori: boolean,
  now: Date,
): { favori: boolean } {
  return db.legacyTransaction(() => {
    if (!favori) {
      db.prepare('DELETE FROM favoris WHERE compte_id = ? AND fiche_id = ?').run(compteId, ficheId);
      return { favori: false };
    }
    const { titre } = published(fiches, ficheId);
    const count = db
      .prepare('SELECT count(*) FROM favoris WHERE compte_id = ?')
      .pluck()
      .get(compteId) as number;
    if (count >= MAX_FAVORIS && !isFavori(db, compteId, ficheId))
      throw new RefusedError(
        `Vous avez déjà ${MAX_FAVORIS} fiches favorites : retirez-en une avant d’en ajouter une autre.`,
      );
    db.prepare(
      `INSERT INTO favoris (compte_id, fiche_id, titre, ajoute_le) VALUES (?, ?, ?, ?)
       ON CONFLICT (compte_id, fiche_id) DO UPDATE SET titre = excluded.titre`,
    ).run(compteId, ficheId, titre, now.toISOString());
    return { favori: true };
  })();
}

/** Records a view (the fiche moves to the top of the recent list; the oldest beyond the limit go). */
export function recordView(
  db: Db,
  fiches: FicheLookup,
  compteId: number,
  ficheId: string,
  now: Date,
): { favori: boolean } {
  return db.legacyTransaction(() => {
    const { titre } = published(fiches, ficheId);
    db.prepare(
      `INSERT INTO fiches_vues (compte_id, fiche_id, titre, vue_le) VALUES (?, ?, ?, ?)
       ON CONFLICT (compte_id, fiche_id) DO UPDATE SET titre = excluded.titre, vue_le = excluded.vue_le`,
    ).run(compteId, ficheId, titre, now.toISOString());
    db.prepare(
      `DELETE FROM fiches_vues WHERE compte_id = @compte AND fiche_id NOT IN (
         SELECT fiche_id FROM fiches_vues WHERE compte_id = @compte ORDER BY vue_le DESC, fiche_id LIMIT @max)`,
    ).run({ compte: compteId, max: MAX_RECENTS });
    // A starred fiche's title follows its changes.
    db.prepare('UPDATE favoris SET titre = ? WHERE compte_id = ? AND fiche_id = ?').run(
      titre,
      compteId,
      ficheId,
    );
    return { favori: isFavori(db, compteId, ficheId) };
  })();
}

/** The account's favourites (by title, removed ones marked) and its recent fiches (latest first, removed skipped). */
export function listFavoris(
  db: Db,
  fiches: FicheLookup,
  compteId: number,
): { favoris: FavoriItem[]; recents: RecentItem[] } {
  const favoris = (
    db.prepare('SELECT fiche_id AS id, titre FROM favoris WHERE compte_id = ?').all(compteId) as Array<{
      id: string;
      titre: string;
    }>
  )
    .map((row) => {
      const fiche = fiches(row.id);
      return { id: row.id, titre: fiche?.titre ?? row.titre, retiree: fiche === undefined };
    })
    .sort((a, b) => a.titre.localeCompare(b.titre, 'fr', { sensitivity: 'base' }));
  const recents = (
    db
      .prepare(
        'SELECT fiche_id AS id, vue_le AS vueLe FROM fiches_vues WHERE compte_id = ? ORDER BY vue_le DESC',
      )
      .all(compteId) as Array<{ id: string; vueLe: string }>
  ).flatMap((row) => {
    const fiche = fiches(row.id);
    return fiche ? [{ id: row.id, titre: fiche.titre, vueLe: row.vueLe, retiree: false }] : [];
  });
  return { favoris, recents };
}
