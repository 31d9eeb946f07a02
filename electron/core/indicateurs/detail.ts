// Figures only the detailed log has: the hour of a contact, the fiches consulted, the searches typed. Retention
// keeps daily counts without them (and deletes the searches, as the CNIL guidance on minimisation asks), so
// these figures cover the entries younger than the retention period; each says so in a note.
import { isPartialQuery } from '../redaction/manques';
import { sql, type Db } from '../store/db';
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

/** ISO weekday (1 = Monday … 7 = Sunday) of a « YYYY-MM-DD » day. */
export function isoWeekday(day: string): number {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/**
 * Contacts by ISO weekday (1 = Monday) and hour. `contacts` is the period's total from the outcome counts: the
 * difference is what only the daily counts of retention hold, without an hour. The monthly counts hold their
 * weekday; the days at the edges are summed by day in SQL and given theirs here (SQL has no portable weekday).
 */
export async function affluence(db: Db, filtres: Filtres, contacts: number): Promise<Affluence> {
  const { months, days } = splitWhere(filtres);
  const source = dayCounts(filtres, 'indicateurs_heure_jour');
  const monthly = await db.all<{ jourSemaine: number; heure: number; nombre: number }>(
    sql`SELECT jour_semaine AS "jourSemaine", heure, sum(nombre) AS nombre FROM indicateurs_heure_mois
        WHERE ${months} GROUP BY jour_semaine, heure`,
  );
  const daily = await db.all<{ jour: string; heure: number; nombre: number }>(
    sql`SELECT jour, heure, sum(nombre) AS nombre FROM ${source} WHERE ${days} GROUP BY jour, heure`,
  );
  const cells = new Map<number, Affluence['cellules'][number]>();
  const add = (jourSemaine: number, heure: number, nombre: number): void => {
    const key = jourSemaine * 100 + heure;
    const cell = cells.get(key);
    if (cell) cell.nombre += nombre;
    else cells.set(key, { jourSemaine, heure, nombre });
  };
  for (const row of monthly) add(row.jourSemaine, row.heure, row.nombre);
  for (const row of daily) add(isoWeekday(row.jour), row.heure, row.nombre);
  const cellules = [...cells.values()].sort((a, b) => a.jourSemaine - b.jourSemaine || a.heure - b.heure);
  const withHour = cellules.reduce((sum, cell) => sum + cell.nombre, 0);
  return { note: AFFLUENCE_NOTE, sansHeure: contacts - withHour, cellules };
}

/** The fiches consulted most often. */
export async function ficheCounts(
  db: Db,
  filtres: Filtres,
  limite: number,
): Promise<Array<{ ficheId: string; nombre: number }>> {
  const { months, days } = splitWhere(filtres);
  const source = dayCounts(filtres, 'indicateurs_fiche_jour');
  return db.all<{ ficheId: string; nombre: number }>(
    sql`SELECT fiche_id AS "ficheId", sum(nombre) AS nombre FROM (
          SELECT fiche_id, nombre FROM indicateurs_fiche_mois WHERE ${months}
          UNION ALL
          SELECT fiche_id, nombre FROM ${source} WHERE ${days}
        ) AS fiches
        GROUP BY fiche_id ORDER BY nombre DESC, fiche_id LIMIT ${limite}`,
  );
}

/**
 * Searches that found nothing, grouped by their (already normalised) text. A search has a point but no
 * channel: with a channel filter, only those attached to a contact of that channel count.
 */
export async function emptySearches(db: Db, filtres: Filtres, limite: number): Promise<LigneRecherche[]> {
  const where = whereOf(filtres, { alias: 'r', canal: false, poste: true });
  const byChannel =
    filtres.canal === undefined
      ? sql``
      : sql`JOIN journal j ON j.id = r.entree_id AND j.canal = ${filtres.canal}`;
  const rows = await db.all<LigneRecherche>(
    sql`SELECT r.requete, count(*) AS nombre FROM recherches r
        ${byChannel}
        WHERE r.resultats = 0 AND ${where}
        GROUP BY r.requete ORDER BY nombre DESC, r.requete LIMIT ${overRead(limite)}`,
  );
  return settledOnly(rows, limite);
}

/** Searches typed during contacts that ended « non résolu »: what the editors should write next. */
export async function unresolvedSearches(
  db: Db,
  filtres: Filtres,
  limite: number,
): Promise<LigneRecherche[]> {
  const where = whereOf(filtres, { alias: 'j', poste: true });
  const rows = await db.all<LigneRecherche>(
    sql`SELECT r.requete, count(*) AS nombre FROM journal j JOIN recherches r ON r.entree_id = j.id
        WHERE j.issue = 'non_resolu' AND ${where}
        GROUP BY r.requete ORDER BY nombre DESC, r.requete LIMIT ${overRead(limite)}`,
  );
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
