// Each account's starred fiches and the fiches it viewed last, kept in the database (not the browser), so they
// follow the agent from desk to desk.
import { z } from 'zod';
import type { MethodTable } from '../method-table';

/** How many recently viewed fiches are kept per account. */
export const MAX_RECENTS = 20;

/** How many favourites an account may keep. */
export const MAX_FAVORIS = 200;

const ficheId = z.string().trim().min(1).max(200);

export interface FavoriItem {
  id: string;
  /** The fiche's title now, or as it was when it was starred or viewed if it is gone. */
  titre: string;
  /** The fiche is no longer published (removed, or back to draft). */
  retiree: boolean;
}

export interface RecentItem extends FavoriItem {
  vueLe: string;
}

export const favoriMethods = {
  'favoris.list': { role: 'connecte', input: z.object({}) },
  /** Stars (`favori: true`) or unstars a published fiche. */
  'favoris.set': { role: 'connecte', input: z.object({ ficheId, favori: z.boolean() }) },
  /** Records that the account opened a fiche; answers whether it is starred, for the fiche page. */
  'favoris.viewed': { role: 'connecte', input: z.object({ ficheId }) },
} as const satisfies MethodTable;

export interface FavoriOutputs {
  /** Favourites by title (removed ones included, marked); recent ones latest first, removed ones skipped. */
  'favoris.list': { favoris: FavoriItem[]; recents: RecentItem[] };
  'favoris.set': { favori: boolean };
  'favoris.viewed': { favori: boolean };
}
