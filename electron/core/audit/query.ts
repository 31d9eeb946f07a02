// Reading the audit trail: administrators filter it by kind of record, action, author, period and text.
import type { AuditRow } from '../../../common/audit/methods';
import type { Db } from '../store/db';
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
  objet_nom: string | null;
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

/**
 * The name of the record a row is about, as it is now: an account's holder, a point's name (for its label
 * too), an agent, an assignment (agent and point), a training type or session. Null for other kinds, or when
 * the record is gone.
 */
const OBJECT_NAME = `CASE audit.objet
  WHEN 'compte' THEN (SELECT c.nom FROM comptes c WHERE c.id = audit.objet_id)
  WHEN 'point' THEN (SELECT p.nom FROM points p WHERE p.id = audit.objet_id)
  WHEN 'label' THEN (SELECT p.nom FROM points p WHERE p.id = audit.objet_id)
  WHEN 'agent' THEN (SELECT a.prenom || ' ' || a.nom FROM agents a WHERE a.id = audit.objet_id)
  WHEN 'affectation' THEN (
    SELECT a.prenom || ' ' || a.nom || ' à ' || p.nom FROM affectations f
    JOIN agents a ON a.id = f.agent_id JOIN points p ON p.id = f.point_id WHERE f.id = audit.objet_id)
  WHEN 'type_formation' THEN (SELECT t.libelle FROM types_formation t WHERE t.code = audit.objet_id)
  WHEN 'session_formation' THEN (
    SELECT '« ' || t.libelle || ' » du ' || strftime('%d/%m/%Y', s.date) FROM sessions_formation s
    JOIN types_formation t ON t.code = s.type WHERE s.id = audit.objet_id)
  WHEN 'flash' THEN (SELECT f.titre FROM flash f WHERE f.id = audit.objet_id)
END`;

/** The matching rows, newest first, one page of them, and how many match in all. */
export function listAudit(db: Db, filter: AuditFilter): { rows: AuditRow[]; total: number } {
  const { sql, params } = where(filter);
  const total = db
    .prepare(`SELECT count(*) FROM audit ${sql}`)
    .pluck()
    .get(...params) as number;
  const rows = db
    .prepare(
      `SELECT audit.*, ${OBJECT_NAME} AS objet_nom FROM audit ${sql} ORDER BY id DESC LIMIT ? OFFSET ?`,
    )
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
      objetNom: row.objet_nom,
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
