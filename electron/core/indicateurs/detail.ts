// Figures only the detailed log has: the hour of a contact, the fiches consulted, the searches typed. Retention
// keeps daily counts without them (and deletes the searches, as the CNIL guidance on minimisation asks), so
// these figures cover the entries younger than the retention period; each says so in a note.
import { isPartialQuery } from '../redaction/manques';
import type { Db } from '../store/db';
import { dayCounts, splitWhere, whereOf } from './filters';
import type { Affluence, Filtres, LigneRecherche } from '../../../common/indicateurs/types';

export const AFFLUENCE_NOTE =
  'La grille ne compte que les contacts détaillés : les comptages quotidiens conservés après la durée de ' +
  'conservation n’ont pas d’heure.';
export const FICHES_NOTE =
  'Fiches consultées pendant les contacts détaillés : elles ne sont plus comptées une fois la durée de ' +
  'conservation passée.';
export const RECHERCHES_NOTE =
  'Les recherches sont conservées pour ce rapport seulement, pendant la durée de conservation du journal.';
export const RECHERCHES_CANAL_NOTE =
  ' Filtrées par canal : seules les recherches rattachées à un contact de ce canal sont comptées.';

/**
 * Contacts by ISO weekday (1 = Monday) and hour. `contacts` is the period's total from the outcome counts: the
 * difference is what only the daily counts of retention hold, without an hour.
 */
export function affluence(db: Db, filtres: Filtres, contacts: number): Affluence {
  const { months, days } = splitWhere(filtres);
  const source = dayCounts(filtres, 'indicateurs_heure_jour');
  const cellules = db
    .prepare(
      `SELECT jourSemaine, heure, sum(nombre) AS nombre FROM (
         SELECT jour_semaine AS jourSemaine, heure, nombre FROM indicateurs_heure_mois WHERE ${months.sql}
         UNION ALL
         SELECT CAST(strftime('%u', jour) AS INTEGER), heure, nombre FROM ${source.sql} WHERE ${days.sql}
       )
       GROUP BY jourSemaine, heure ORDER BY jourSemaine, heure`,
    )
    .all(...months.params, ...source.params, ...days.params) as Affluence['cellules'];
  const withHour = cellules.reduce((sum, cell) => sum + cell.nombre, 0);
  return { note: AFFLUENCE_NOTE, sansHeure: contacts - withHour, cellules };
}

/** The fiches consulted most often. */
export function ficheCounts(
  db: Db,
  filtres: Filtres,
  limite: number,
): Array<{ ficheId: string; nombre: number }> {
  const { months, days } = splitWhere(filtres);
  const source = dayCounts(filtres, 'indicateurs_fiche_jour');
  return db
    .prepare(
      `SELECT fiche_id AS ficheId, sum(nombre) AS nombre FROM (
         SELECT fiche_id, nombre FROM indicateurs_fiche_mois WHERE ${months.sql}
         UNION ALL
         SELECT fiche_id, nombre FROM ${source.sql} WHERE ${days.sql}
       )
       GROUP BY fiche_id ORDER BY nombre DESC, fiche_id LIMIT ?`,
    )
    .all(...months.params, ...source.params, ...days.params, limite) as Array<{
    ficheId: string;
    nombre: number;
  }>;
}

/**
 * Searches that found nothing, grouped by their (already normalised) text. A search has a point but no
 * channel: with a channel filter, only those attached to a contact of that channel count.
 */
export function emptySearches(db: Db, filtres: Filtres, limite: number): LigneRecherche[] {
  const where = whereOf(filtres, { alias: 'r', canal: false, poste: true });
  const byChannel = filtres.canal !== undefined;
  const rows = db
    .prepare(
      `SELECT r.requete, count(*) AS nombre FROM recherches r
       ${byChannel ? 'JOIN journal j ON j.id = r.entree_id AND j.canal = ?' : ''}
       WHERE r.resultats = 0 AND ${where.sql}
       GROUP BY r.requete ORDER BY nombre DESC, r.requete LIMIT ?`,
    )
    .all(
      ...(byChannel ? [filtres.canal as string] : []),
      ...where.params,
      overRead(limite),
    ) as LigneRecherche[];
  return settledOnly(rows, limite);
}

/** Searches typed during contacts that ended « non résolu »: what the editors should write next. */
export function unresolvedSearches(db: Db, filtres: Filtres, limite: number): LigneRecherche[] {
  const where = whereOf(filtres, { alias: 'j', poste: true });
  const rows = db
    .prepare(
      `SELECT r.requete, count(*) AS nombre FROM journal j JOIN recherches r ON r.entree_id = j.id
       WHERE j.issue = 'non_resolu' AND ${where.sql}
       GROUP BY r.requete ORDER BY nombre DESC, r.requete LIMIT ?`,
    )
    .all(...where.params, overRead(limite)) as LigneRecherche[];
  return settledOnly(rows, limite);
}

/** Reads more rows than shown, so the searches left out below do not shorten the list. */
function overRead(limite: number): number {
  return limite * 4 + 50;
}

/** Without the searches cut mid-typing (« bonjour, je »): they say how far an agent had typed, not a gap. */
function settledOnly(rows: LigneRecherche[], limite: number): LigneRecherche[] {
  return rows.filter((row) => !isPartialQuery(row.requete)).slice(0, limite);
}
