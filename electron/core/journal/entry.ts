// One entry of the orientation log as the API returns it, read back from the tables.
import type { Db } from '../store/db';
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
  fiches: string | null;
}

const SELECT_ENTRY = `
  SELECT j.*, (SELECT json_group_array(fiche_id) FROM (
    SELECT fiche_id FROM journal_fiches WHERE entree_id = j.id ORDER BY fiche_id
  )) AS fiches
  FROM journal j`;

function toEntry(row: EntryRow): JournalEntry {
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
    fiches: row.fiches === null ? [] : (JSON.parse(row.fiches) as string[]),
  };
}

export function findEntry(db: Db, id: number): JournalEntry | undefined {
  const row = db.prepare(`${SELECT_ENTRY} WHERE j.id = ?`).get(id) as EntryRow | undefined;
  return row && toEntry(row);
}

/** An account's entries of one day, the latest first. */
export function entriesOf(db: Db, compteId: number, jour: string): JournalEntry[] {
  const rows = db
    .prepare(`${SELECT_ENTRY} WHERE j.compte_id = ? AND j.jour = ? ORDER BY j.horodatage DESC, j.id DESC`)
    .all(compteId, jour) as EntryRow[];
  return rows.map(toEntry);
}
