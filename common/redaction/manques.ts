// The « Non trouvé » backlog as the page reads it: one page of query groups, each with the editors' status and
// what the query finds now, if anything. Node-free.
import type { Backlog, BacklogQuery } from './types';

export const MANQUE_STATUTS = ['a_traiter', 'traite', 'ignore'] as const;
export type ManqueStatut = (typeof MANQUE_STATUTS)[number];

export const MANQUE_STATUT_LABELS: Record<ManqueStatut, string> = {
  a_traiter: 'À traiter',
  traite: 'Traité',
  ignore: 'Ignoré',
};

/** Groups per page of the backlog. */
export const MANQUES_PAR_PAGE = 25;

export interface BacklogGroup extends BacklogQuery {
  statut: ManqueStatut;
  /** The first fiche the group's query finds in the index now; null when it still finds nothing. */
  trouveMaintenant: { ficheId: string; titre: string } | null;
}

export interface BacklogPage extends Omit<Backlog, 'requetes'> {
  requetes: BacklogGroup[];
  /** Groups matching the status filter, over every page. */
  total: number;
  page: number;
  pages: number;
  parPage: number;
  /** Groups per status over the period, whatever the filter. */
  parStatut: Record<ManqueStatut, number>;
}
