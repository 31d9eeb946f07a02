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
import { sql, type Db } from '../store/db';
import { getAgent } from './agents';

interface AssignmentRow {
  id: number;
  agent_id: number;
  point_id: number;
  debut: string;
  fin: string | null;
}

async function getAssignment(db: Db, id: number): Promise<AssignmentRow> {
  const row = await db.one<AssignmentRow>(sql`SELECT * FROM affectations WHERE id = ${id}`);
  if (!row) throw new NotFoundError(`L'affectation n° ${id} n'existe pas.`);
  return row;
}

/** An assignment of the same agent to the same point sharing at least one day with [debut, fin]. */
export async function overlapping(
  db: Db,
  agentId: number,
  pointId: number,
  debut: string,
  fin: string | null,
): Promise<AssignmentRow | null> {
  const startsInTime = fin === null ? sql`` : sql`AND debut <= ${fin}`;
  return (
    (await db.one<AssignmentRow>(
      sql`SELECT * FROM affectations
          WHERE agent_id = ${agentId} AND point_id = ${pointId} AND (fin IS NULL OR fin >= ${debut}) ${startsInTime}
          ORDER BY debut LIMIT 1`,
    )) ?? null
  );
}

function periodText(row: { debut: string; fin: string | null }): string {
  return row.fin ? `du ${row.debut} au ${row.fin}` : `depuis le ${row.debut}`;
}

/** Inserts an assignment and its audit row; the caller holds the transaction and has checked the point. */
export async function insertAssignment(
  db: Db,
  actor: Actor,
  assignment: { agentId: number; pointId: number; debut: string; fin: string | null },
  now: Date,
): Promise<number> {
  const clash = await overlapping(
    db,
    assignment.agentId,
    assignment.pointId,
    assignment.debut,
    assignment.fin,
  );
  if (clash)
    throw new ConflictError(
      `Cet agent est déjà affecté à ce point ${periodText(clash)} : terminez ou modifiez cette affectation d'abord.`,
    );
  const id = await db.insertId(sql`INSERT INTO affectations (agent_id, point_id, debut, fin)
          VALUES (${assignment.agentId}, ${assignment.pointId}, ${assignment.debut}, ${assignment.fin})
          RETURNING id`);
  await recordAudit(
    db,
    actor,
    { action: 'creation', objet: 'affectation', objetId: id, apres: await getAssignment(db, id) },
    now,
  );
  return id;
}

export async function addAssignment(
  db: Db,
  actor: Actor,
  assignment: { agentId: number; pointId: number; debut: string; fin?: string | null },
  now: Date,
): Promise<number> {
  const fin = assignment.fin ?? null;
  if (fin !== null && fin < assignment.debut) throw new RefusedError('La fin ne peut précéder le début.');
  return db.transaction(async (tx) => {
    await getAgent(tx, assignment.agentId);
    const point = await getPoint(tx, assignment.pointId);
    if (!point.ouvert)
      throw new RefusedError(`Le point « ${point.nom} » est fermé : on ne peut plus y affecter d'agent.`);
    return insertAssignment(tx, actor, { ...assignment, fin }, now);
  });
}

/** Ends a running assignment on `fin`, its last day. */
export async function endAssignment(
  db: Db,
  actor: Actor,
  id: number,
  fin: string,
  now: Date,
): Promise<AssignmentRow> {
  return db.transaction(
    async (tx) =>
      await auditedUpdate(
        tx,
        actor,
        { action: 'fin', objet: 'affectation', objetId: id },
        () => getAssignment(tx, id),
        async (before) => {
          if (before.fin !== null)
            throw new RefusedError(`Cette affectation est déjà terminée (le ${before.fin}).`);
          if (fin < before.debut)
            throw new RefusedError(`La fin ne peut précéder le début de l'affectation (${before.debut}).`);
          await tx.run(sql`UPDATE affectations SET fin = ${fin} WHERE id = ${id}`);
        },
        now,
      ),
  );
}

/** Removes an assignment entered by mistake (an assignment that really ended is ended, not removed). */
export async function removeAssignment(db: Db, actor: Actor, id: number, now: Date): Promise<AssignmentRow> {
  return db.transaction(async (tx) => {
    const before = await getAssignment(tx, id);
    await tx.run(sql`DELETE FROM affectations WHERE id = ${id}`);
    await recordAudit(
      tx,
      actor,
      { action: 'suppression', objet: 'affectation', objetId: id, avant: before },
      now,
    );
    return before;
  });
}

/** An agent's assignments, running ones first, then the latest. */
export async function assignmentsOf(db: Db, agentId: number, now: Date): Promise<AssignmentView[]> {
  const today = parisDay(now);
  const rows = await db.all<{
    id: number;
    debut: string;
    fin: string | null;
    pointId: number;
    code: string;
    nom: string;
    ouvert: number;
  }>(
    sql`SELECT a.id, a.debut, a.fin, p.id AS "pointId", p.code, p.nom, p.ouvert
        FROM affectations a JOIN points p ON p.id = a.point_id
        WHERE a.agent_id = ${agentId} ORDER BY a.debut DESC, a.id DESC`,
  );
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
export async function currentPoints(db: Db, today: string): Promise<Map<number, PointRef[]>> {
  const rows = await db.all<PointRef & { agentId: number }>(
    sql`SELECT a.agent_id AS "agentId", p.id, p.code, p.nom
        FROM affectations a JOIN points p ON p.id = a.point_id
        WHERE a.debut <= ${today} AND (a.fin IS NULL OR a.fin >= ${today})
        ORDER BY p.nom, p.id`,
  );
  const byAgent = new Map<number, PointRef[]>();
  for (const { agentId, ...point } of rows) {
    const list = byAgent.get(agentId);
    if (list) list.push(point);
    else byAgent.set(agentId, [point]);
  }
  return byAgent;
}
