// The audit trail as a CSV file: the rows matching the filters, newest first, as the page reads them (Paris
// time, the record named, codes in French, changes as « field : before → after »).
import { actionLabel, changesText, formatInstant, objectName } from '../../../common/audit/format';
import { csvFile, csvTable } from '../csv';
import type { Db } from '../store/db';
import type { AuditFilter } from './query';
import { listAudit } from './query';

/** More rows than a spreadsheet reader wants; the filters narrow it. */
export const AUDIT_CSV_MAX = 50_000;

export async function auditCsv(
  db: Db,
  filter: Omit<AuditFilter, 'limit' | 'offset'>,
  today: string,
): Promise<{ filename: string; csv: string; lignes: number }> {
  const { rows } = await listAudit(db, { ...filter, limit: AUDIT_CSV_MAX, offset: 0 });
  const body = csvTable(
    ['Date (heure de Paris)', 'Auteur', 'Action', 'Objet', 'Changements', 'Horodatage (UTC)'],
    rows.map((row) => [
      formatInstant(row.horodatage),
      row.auteur,
      actionLabel(row.action),
      objectName(row.objet, row.objetId, row.objetNom),
      changesText(row.avant, row.apres),
      row.horodatage,
    ]),
  );
  return { filename: `journal-audit-${today}.csv`, csv: csvFile(body), lignes: rows.length };
}
