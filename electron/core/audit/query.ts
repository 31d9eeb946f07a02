// Reading the audit trail: administrators filter it by kind of record, action, author, period and text.
import type { AuditRow } from '../../../common/audit/methods';
import { sql, type Db, type RawBuilder } from '../store/db';
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

function where(filter: AuditFilter): RawBuilder<unknown> {
  const clauses: RawBuilder<unknown>[] = [];
  for (const [column, value] of [
    ['objet', filter.objet],
    ['action', filter.action],
    ['auteur', filter.auteur],
  ] as const) {
    if (value) clauses.push(sql`${sql.ref(column)} = ${value}`);
  }
  if (filter.du) clauses.push(sql`horodatage >= ${parisDayStart(filter.du)}`);
  if (filter.au) clauses.push(sql`horodatage < ${parisDayEnd(filter.au)}`);
  if (filter.q) {
    // lower() on both sides: SQLite's LIKE ignores case (ASCII), PostgreSQL's does not.
    const pattern = sql`lower(${likePattern(filter.q)})`;
    clauses.push(
      sql`(lower(objet_id) LIKE ${pattern} ESCAPE '\\' OR lower(avant) LIKE ${pattern} ESCAPE '\\'
        OR lower(apres) LIKE ${pattern} ESCAPE '\\')`,
    );
  }
  return clauses.length ? sql`WHERE ${sql.join(clauses, sql` AND `)}` : sql``;
}

/**
 * The name of the record a row is about, as it is now: an account's holder, a point's name (for its label
 * too), an agent, an assignment (agent and point), a training type or session. Null for other kinds, or when
 * the record is gone. The text id is cast to an integer inside the branch of its kind only, so each lookup goes
 * by primary key, and PostgreSQL never casts another kind's id (a setting's key) to an integer.
 */
const OBJECT_ID = sql`CAST(audit.objet_id AS INTEGER)`;
const OBJECT_NAME = sql`CASE audit.objet
  WHEN 'compte' THEN (SELECT c.nom FROM comptes c WHERE c.id = ${OBJECT_ID})
  WHEN 'point' THEN (SELECT p.nom FROM points p WHERE p.id = ${OBJECT_ID})
  WHEN 'label' THEN (SELECT p.nom FROM points p WHERE p.id = ${OBJECT_ID})
  WHEN 'agent' THEN (SELECT a.prenom || ' ' || a.nom FROM agents a WHERE a.id = ${OBJECT_ID})
  WHEN 'affectation' THEN (
    SELECT a.prenom || ' ' || a.nom || ' à ' || p.nom FROM affectations f
    JOIN agents a ON a.id = f.agent_id JOIN points p ON p.id = f.point_id
    WHERE f.id = ${OBJECT_ID})
  WHEN 'type_formation' THEN (SELECT t.libelle FROM types_formation t WHERE t.code = audit.objet_id)
  WHEN 'session_formation' THEN (
    SELECT '« ' || t.libelle || ' » du '
      || substr(s.date, 9, 2) || '/' || substr(s.date, 6, 2) || '/' || substr(s.date, 1, 4)
    FROM sessions_formation s
    JOIN types_formation t ON t.code = s.type WHERE s.id = ${OBJECT_ID})
  WHEN 'flash' THEN (SELECT f.titre FROM flash f WHERE f.id = ${OBJECT_ID})
END`;

/** The matching rows, newest first, one page of them, and how many match in all. */
export async function listAudit(db: Db, filter: AuditFilter): Promise<{ rows: AuditRow[]; total: number }> {
  const filters = where(filter);
  const total = (await db.value<number>(sql`SELECT count(*) FROM audit ${filters}`)) ?? 0;
  const rows = await db.all<Row>(
    sql`SELECT audit.*, ${OBJECT_NAME} AS objet_nom FROM audit ${filters}
        ORDER BY id DESC LIMIT ${filter.limit} OFFSET ${filter.offset}`,
  );
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
export async function auditFacets(
  db: Db,
): Promise<{ objets: string[]; actions: string[]; auteurs: string[] }> {
  const distinct = async (column: 'objet' | 'action' | 'auteur') =>
    (
      await db.all<{ value: string }>(
        sql`SELECT DISTINCT ${sql.ref(column)} AS value, lower(${sql.ref(column)}) AS sort FROM audit ORDER BY sort`,
      )
    ).map((row) => row.value);
  return {
    objets: await distinct('objet'),
    actions: await distinct('action'),
    auteurs: await distinct('auteur'),
  };
}
