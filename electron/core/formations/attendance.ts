// Attendance at a training session: the whole list is replaced at once, as the trainer's sheet is entered,
// and audited with the list before and after.
import type { PresenceStatut } from '../../../common/formations/methods';
import type { Actor } from '../audit/record';
import { recordAudit } from '../audit/record';
import { parisDay } from '../../../common/dates';
import { NotFoundError, RefusedError } from '../errors';
import { sql, type Db } from '../store/db';

export interface AttendanceEntry {
  agentId: number;
  statut: PresenceStatut;
}

async function attendanceOf(db: Db, sessionId: number): Promise<AttendanceEntry[]> {
  return db.all<AttendanceEntry>(
    sql`SELECT agent_id AS "agentId", statut FROM presences WHERE session_id = ${sessionId} ORDER BY agent_id`,
  );
}

export async function setAttendance(
  db: Db,
  actor: Actor,
  sessionId: number,
  entries: readonly AttendanceEntry[],
  now: Date,
): Promise<void> {
  const seen = new Set<number>();
  for (const entry of entries) {
    if (seen.has(entry.agentId))
      throw new RefusedError(`L'agent n° ${entry.agentId} figure deux fois dans la liste.`);
    seen.add(entry.agentId);
  }
  await db.transaction(async (tx) => {
    const session = await tx.one<{ date: string }>(
      sql`SELECT date FROM sessions_formation WHERE id = ${sessionId}`,
    );
    if (!session) throw new NotFoundError(`La session de formation n° ${sessionId} n'existe pas.`);
    // A training counts from the day it was attended: nobody can have attended a session still to come.
    if (session.date > parisDay(now) && entries.some((entry) => entry.statut === 'present'))
      throw new RefusedError(
        `La session du ${session.date} n'a pas encore eu lieu : personne ne peut y être noté présent.`,
      );
    if (entries.length > 0) {
      const ids = entries.map((entry) => entry.agentId);
      const known = new Set(
        (await tx.all<{ id: number }>(sql`SELECT id FROM agents WHERE id IN (${sql.join(ids)})`)).map(
          (agent) => agent.id,
        ),
      );
      const missing = ids.find((id) => !known.has(id));
      if (missing !== undefined) throw new NotFoundError(`L'agent n° ${missing} n'existe pas.`);
    }
    const before = await attendanceOf(tx, sessionId);
    await tx.run(sql`DELETE FROM presences WHERE session_id = ${sessionId}`);
    if (entries.length > 0)
      await tx.run(
        sql`INSERT INTO presences (session_id, agent_id, statut)
            VALUES ${sql.join(entries.map((entry) => sql`(${sessionId}, ${entry.agentId}, ${entry.statut})`))}`,
      );
    await recordAudit(
      tx,
      actor,
      {
        action: 'presences',
        objet: 'session_formation',
        objetId: sessionId,
        avant: before,
        apres: await attendanceOf(tx, sessionId),
      },
      now,
    );
  });
}
