// Reading the audit trail: administrators filter it by kind of record, action, author, period and text.
import type { AuditRow } from '../../../common/audit/methods';
import type { Db } from '../store/database';
import { parisDayEnd, parisDayStart } from './period';

export interface AuditFilter {
  objet?: string;
  action?: string;
  auteur?: string;
  /** Paris calendar days, both included. */
  du?: string;
  au?: string;
  /** Text looked for in the record's id and in the before and after values. */
  q?: string;
  limit: number;
  offset: number;
}

interface Row {
  id: number;
  horodatage: string;
  compte_id: number | null;
  auteur: string;
  action: string;
  objet: string;
  objet_id: string | null;
  avant: string | null;
  apres: string | null;
}

function parsed(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    // Written by recordAudit, so always JSON; an odd row is still shown rather than hiding the trail.
    return json;
  }
}

/** `%` and `_` typed by the administrator are looked for as themselves. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function where(filter: AuditFilter): { sql: string; params: string[] } {
  const clauses: string[] = [];
  const params: string[] = [];
  for (const [column, value] of [
    ['objet', filter.objet],
    ['action', filter.action],
    ['auteur', filter.auteur],
  ] as const) {
    if (value) {
      clauses.push(`${column} = ?`);
      params.push(value);
    }
  }
  if (filter.du) {
    clauses.push('horodatage >= ?');
    params.push(parisDayStart(filter.du));
  }
  if (filter.au) {
    clauses.push('horodatage < ?');
    params.push(parisDayEnd(filter.au));
  }
  if (filter.q) {
    const pattern = likePattern(filter.q);
    clauses.push("(objet_id LIKE ? ESCAPE '\\' OR avant LIKE ? ESCAPE '\\' OR apres LIKE ? ESCAPE '\\')");
    params.push(pattern, pattern, pattern);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** The matching rows, newest first, one page of them, and how many match in all. */
export function listAudit(db: Db, filter: AuditFilter): { rows: AuditRow[]; total: number } {
  const { sql, params } = where(filter);
  const total = db
    .prepare(`SELECT count(*) FROM audit ${sql}`)
    .pluck()
    .get(...params) as number;
  const rows = db
    .prepare(`SELECT * FROM audit ${sql} ORDER BY id DESC LIMIT ? OFFSET ?`)
    .all(...params, filter.limit, filter.offset) as Row[];
  return {
    total,
    rows: rows.map((row) => ({
      id: row.id,
      horodatage: row.horodatage,
      compteId: row.compte_id,
      auteur: row.auteur,
      action: row.action,
      objet: row.objet,
      objetId: row.objet_id,
      avant: parsed(row.avant),
      apres: parsed(row.apres),
    })),
  };
}

/** The values the filters can take: those present in the trail. */
export function auditFacets(db: Db): { objets: string[]; actions: string[]; auteurs: string[] } {
  const distinct = (column: 'objet' | 'action' | 'auteur') =>
    db
      .prepare(`SELECT DISTINCT ${column} FROM audit ORDER BY ${column} COLLATE NOCASE`)
      .pluck()
      .all() as string[];
  return { objets: distinct('objet'), actions: distinct('action'), auteurs: distinct('auteur') };
}
