// One entry of the orientation log as the API returns it, read back from the tables.
import { sql, type Db } from '../store/db';
import type { Issue, JournalCanal, Motif } from '../../../common/journal/codes';
import type { JournalEntry } from '../../../common/journal/types';

export type { JournalEntry } from '../../../common/journal/types';

interface EntryRow {
  id: number;
  horodatage: string;
  jour: string;
  heure: number;
  point_id: number | null;
  compte_id: number | null;
  canal: JournalCanal;
  issue: Issue;
  service_id: string | null;
  motif: Motif | null;
  theme: string | null;
  duree_s: number | null;
}

const COLUMNS = sql`j.id, j.horodatage, j.jour, j.heure, j.point_id, j.compte_id, j.canal, j.issue, j.service_id,
  j.motif, j.theme, j.duree_s`;

function toEntry(row: EntryRow, fiches: string[]): JournalEntry {
  return {
    id: row.id,
    horodatage: row.horodatage,
    jour: row.jour,
    heure: row.heure,
    pointId: row.point_id,
    compteId: row.compte_id,
    canal: row.canal,
    issue: row.issue,
    serviceId: row.service_id,
    motif: row.motif,
    theme: row.theme,
    dureeS: row.duree_s,
    fiches,
  };
}

/**
 * The fiches consulted of each entry, by entry id (read in one query, grouped here), sorted here by code unit:
 * the same order on both engines (PostgreSQL's collation may sort hyphens apart from SQLite's binary order).
 */
async function fichesOf(db: Db, ids: readonly number[]): Promise<Map<number, string[]>> {
  const byEntry = new Map<number, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byEntry;
  const rows = await db.all<{ entree_id: number; fiche_id: string }>(
    sql`SELECT entree_id, fiche_id FROM journal_fiches WHERE entree_id IN (${sql.join([...ids])})
`,
  );
  for (const row of rows) byEntry.get(row.entree_id)?.push(row.fiche_id);
  for (const list of byEntry.values()) list.sort();
  return byEntry;
}

export async function findEntry(db: Db, id: number): Promise<JournalEntry | undefined> {
  const row = await db.one<EntryRow>(sql`SELECT ${COLUMNS} FROM journal j WHERE j.id = ${id}`);
  if (!row) return undefined;
  return toEntry(row, (await fichesOf(db, [row.id])).get(row.id) ?? []);
}

/** An account's entries of one day, the latest first. */
export async function entriesOf(db: Db, compteId: number, jour: string): Promise<JournalEntry[]> {
  const rows = await db.all<EntryRow>(
    sql`SELECT ${COLUMNS} FROM journal j WHERE j.compte_id = ${compteId} AND j.jour = ${jour}
        ORDER BY j.horodatage DESC, j.id DESC`,
  );
  const fiches = await fichesOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toEntry(row, fiches.get(row.id) ?? []));
}
