// Each account's starred fiches and its last viewed ones. Titles are copied when a fiche is starred or viewed,
// so a fiche removed since still shows under its name (marked) in the favourites; the recent list skips it.
import type { FavoriItem, RecentItem } from '../../../common/favoris/methods';
import { MAX_FAVORIS, MAX_RECENTS } from '../../../common/favoris/methods';
import { NotFoundError, RefusedError } from '../errors';
import type { FicheLookup } from '../flash/flash';
import { sql, type Db } from '../store/db';

function published(fiches: FicheLookup, ficheId: string): { titre: string } {
  const fiche = fiches(ficheId);
  if (!fiche) throw new NotFoundError(`La fiche « ${ficheId} » n’existe pas ou n’est pas publiée.`);
  return fiche;
}

async function isFavori(db: Db, compteId: number, ficheId: string): Promise<boolean> {
  return (
    (await db.one(
      sql`SELECT 1 AS one FROM favoris WHERE compte_id = ${compteId} AND fiche_id = ${ficheId}`,
    )) !== undefined
  );
}

/** Stars or unstars a fiche; unstarring also works for a fiche removed since. */
export async function setFavori(
  db: Db,
  fiches: FicheLookup,
  compteId: number,
  ficheId: string,
  favori: boolean,
  now: Date,
): Promise<{ favori: boolean }> {
  if (!favori) {
    await db.run(sql`DELETE FROM favoris WHERE compte_id = ${compteId} AND fiche_id = ${ficheId}`);
    return { favori: false };
  }
  const { titre } = published(fiches, ficheId);
  // The count, the check and the insert in one transaction: two tabs starring at once cannot pass the limit.
  return db.transaction(async (tx) => {
    const count =
      (await tx.value<number>(sql`SELECT count(*) FROM favoris WHERE compte_id = ${compteId}`)) ?? 0;
    if (count >= MAX_FAVORIS && !(await isFavori(tx, compteId, ficheId)))
      throw new RefusedError(
        `Vous avez déjà ${MAX_FAVORIS} fiches favorites : retirez-en une avant d’en ajouter une autre.`,
      );
    await tx.run(
      sql`INSERT INTO favoris (compte_id, fiche_id, titre, ajoute_le)
          VALUES (${compteId}, ${ficheId}, ${titre}, ${now.toISOString()})
          ON CONFLICT (compte_id, fiche_id) DO UPDATE SET titre = excluded.titre`,
    );
    return { favori: true };
  });
}

/** Records a view (the fiche moves to the top of the recent list; the oldest beyond the limit go). */
export async function recordView(
  db: Db,
  fiches: FicheLookup,
  compteId: number,
  ficheId: string,
  now: Date,
): Promise<{ favori: boolean }> {
  const { titre } = published(fiches, ficheId);
  return db.transaction(async (tx) => {
    await tx.run(
      sql`INSERT INTO fiches_vues (compte_id, fiche_id, titre, vue_le)
          VALUES (${compteId}, ${ficheId}, ${titre}, ${now.toISOString()})
          ON CONFLICT (compte_id, fiche_id) DO UPDATE SET titre = excluded.titre, vue_le = excluded.vue_le`,
    );
    await tx.run(
      sql`DELETE FROM fiches_vues WHERE compte_id = ${compteId} AND fiche_id NOT IN (
            SELECT fiche_id FROM fiches_vues WHERE compte_id = ${compteId}
            ORDER BY vue_le DESC, fiche_id LIMIT ${MAX_RECENTS})`,
    );
    // A starred fiche's title follows its changes.
    await tx.run(
      sql`UPDATE favoris SET titre = ${titre} WHERE compte_id = ${compteId} AND fiche_id = ${ficheId}`,
    );
    return { favori: await isFavori(tx, compteId, ficheId) };
  });
}

/** The account's favourites (by title, removed ones marked) and its recent fiches (latest first, removed skipped). */
export async function listFavoris(
  db: Db,
  fiches: FicheLookup,
  compteId: number,
): Promise<{ favoris: FavoriItem[]; recents: RecentItem[] }> {
  const favoris = (
    await db.all<{ id: string; titre: string }>(
      sql`SELECT fiche_id AS id, titre FROM favoris WHERE compte_id = ${compteId}`,
    )
  )
    .map((row) => {
      const fiche = fiches(row.id);
      return { id: row.id, titre: fiche?.titre ?? row.titre, retiree: fiche === undefined };
    })
    .sort((a, b) => a.titre.localeCompare(b.titre, 'fr', { sensitivity: 'base' }));
  const recents = (
    await db.all<{ id: string; vueLe: string }>(
      sql`SELECT fiche_id AS id, vue_le AS "vueLe" FROM fiches_vues WHERE compte_id = ${compteId}
          ORDER BY vue_le DESC`,
    )
  ).flatMap((row) => {
    const fiche = fiches(row.id);
    return fiche ? [{ id: row.id, titre: fiche.titre, vueLe: row.vueLe, retiree: false }] : [];
  });
  return { favoris, recents };
}
