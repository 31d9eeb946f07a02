// Assignments of agents to points, with dates: « YYYY-MM-DD », `fin` being the last day (null while it
// lasts). An agent is never assigned twice to the same point over overlapping periods: the label's rule
// counts agents per point, and a double row would count one person twice.
import type { AssignmentView } from '../../../common/agents/methods';
import type { PointRef } from '../../../common/points/methods';
import type { Actor } from '../audit/record';
import { auditedUpdate, recordAudit } from '../audit/record';
import { parisDay } from '../../../common/dates';
import { getPoint } from '../points/points';
import { ConflictError, NotFoundError, RefusedError } from '../errors';
import type { Db } from '../store/db';
import { getAgent } from './agents';

interface AssignmentRow {
  id: number;
  agent_id: number;
  point_id: number;
  debut: string;
  fin: string | null;
}

function getAssignment(db: Db, id: number): AssignmentRow {
  const row = db.prepare('SELECT * FROM affectations WHERE id = ?').get(id) as AssignmentRow | undefined;
  if (!row) throw new NotFoundError(`L'affectation n° ${id} n'existe pas.`);
  return row;
}

/** An assignment of the same agent to the same point sharing at least one day with [debut, fin]. */
export function overlapping(
  db: Db,
  agentId: number,
  pointId: number,
  debut: string,
  fin: string | null,
): AssignmentRow | null {
  return (
    (db
      .prepare(
        `SELECT * FROM affectations
         WHERE agent_id = ? AND point_id = ? AND (fin IS NULL OR fin >= ?) AND (? IS NULL OR debut <= ?)
         ORDER BY debut LIMIT 1`,
      )
      .get(agentId, pointId, debut, fin, fin) as AssignmentRow | undefined) ?? null
  );
}

function periodText(row: { debut: string; fin: string | null }): string {
  return row.fin ? `du ${row.debut} au ${row.fin}` : `depuis le ${row.debut}`;
}

/** Inserts an assignment and its audit row; the caller holds the transaction and has checked the point. */
export function insertAssignment(
  db: Db,
  actor: Actor,
  assignment: { agentId: number; pointId: number; debut: string; fin: string | null },
  now: Date,
): number {
  const clash = overlapping(db, assignment.agentId, assignment.pointId, assignment.debut, assignment.fin);
  if (clash)
    throw new ConflictError(
      `Cet agent est déjà affecté à ce point ${periodText(clash)} : terminez ou modifiez cette affectation d'abord.`,
    );
  const id = Number(
    db
      .prepare('INSERT INTO affectations (agent_id, point_id, debut, fin) VALUES (?, ?, ?, ?)')
      .run(assignment.agentId, assignment.pointId, assignment.debut, assignment.fin).lastInsertRowid,
  );
  recordAudit(
    db,
    actor,
    { action: 'creation', objet: 'affectation', objetId: id, apres: getAssignment(db, id) },
    now,
  );
  return id;
}

export function addAssignment(
  db: Db,
  actor: Actor,
  assignment: { agentId: number; pointId: number; debut: string; fin?: string | null },
  now: Date,
): number {
  const fin = assignment.fin ?? null;
  if (fin !== null && fin < assignment.debut) throw new RefusedError('La fin ne peut précéder le début.');
  return db.legacyTransaction(() => {
    getAgent(db, assignment.agentId);
    const point = getPoint(db, assignment.pointId);
    if (!point.ouvert)
      throw new RefusedError(`Le point « ${point.nom} » est fermé : on ne peut plus y affecter d'agent.`);
    return insertAssignment(db, actor, { ...assignment, fin }, now);
  })();
}

/** Ends a running assignment on `fin`, its last day. */
export function endAssignment(db: Db, actor: Actor, id: number, fin: string, now: Date): AssignmentRow {
  return db.legacyTransaction(() =>
    auditedUpdate(
      db,
      actor,
      { action: 'fin', objet: 'affectation', objetId: id },
      () => getAssignment(db, id),
      (before) => {
        if (before.fin !== null)
          throw new RefusedError(`Cette affectation est déjà terminée (le ${before.fin}).`);
        if (fin < before.debut)
          throw new RefusedError(`La fin ne peut précéder le début de l'affectation (${before.debut}).`);
        db.prepare('UPDATE affectations SET fin = ? WHERE id = ?').run(fin, id);
      },
      now,
    ),
  )();
}

/** Removes an assignment entered by mistake (an assignment that really ended is ended, not removed). */
export function removeAssignment(db: Db, actor: Actor, id: number, now: Date): AssignmentRow {
  return db.legacyTransaction(() => {
    const before = getAssignment(db, id);
    db.prepare('DELETE FROM affectations WHERE id = ?').run(id);
    recordAudit(db, actor, { action: 'suppression', objet: 'affectation', objetId: id, avant: before }, now);
    return before;
  })();
}

/** An agent's assignments, running ones first, then the latest. */
export function assignmentsOf(db: Db, agentId: number, now: Date): AssignmentView[] {
  const today = parisDay(now);
  const rows = db
    .prepare(
      `SELECT a.id, a.debut, a.fin, p.id AS pointId, p.code, p.nom, p.ouvert
       FROM affectations a JOIN points p ON p.id = a.point_id
       WHERE a.agent_id = ? ORDER BY a.debut DESC, a.id DESC`,
    )
    .all(agentId) as Array<{
    id: number;
    debut: string;
    fin: string | null;
    pointId: number;
    code: string;
    nom: string;
    ouvert: number;
  }>;
  const views = rows.map((row): AssignmentView => ({
    id: row.id,
    point: { id: row.pointId, code: row.code, nom: row.nom, ouvert: row.ouvert === 1 },
    debut: row.debut,
    fin: row.fin,
    enCours: row.debut <= today && (row.fin === null || row.fin >= today),
  }));
  return [...views.filter((v) => v.enCours), ...views.filter((v) => !v.enCours)];
}

/** agentId → the points each agent is assigned to on `today`. */
export function currentPoints(db: Db, today: string): Map<number, PointRef[]> {
  const rows = db
    .prepare(
      `SELECT a.agent_id AS agentId, p.id, p.code, p.nom
       FROM affectations a JOIN points p ON p.id = a.point_id
       WHERE a.debut <= ? AND (a.fin IS NULL OR a.fin >= ?)
       ORDER BY p.nom`,
    )
    .all(today, today) as Array<PointRef & { agentId: number }>;
  const byAgent = new Map<number, PointRef[]>();
  for (const { agentId, ...point } of rows) {
    const list = byAgent.get(agentId);
    if (list) list.push(point);
    else byAgent.set(agentId, [point]);
  }
  return byAgent;
}
