// Attendance at a training session: the whole list is replaced at once, as the trainer's sheet is entered,
// and audited with the list before and after.
import type { PresenceStatut } from '../../../common/formations/methods';
import type { Actor } from '../audit/record';
import { recordAudit } from '../audit/record';
import { parisDay } from '../../../common/dates';
import { NotFoundError, RefusedError } from '../errors';
import type { Db } from '../store/db';

export interface AttendanceEntry {
  agentId: number;
  statut: PresenceStatut;
}

function attendanceOf(db: Db, sessionId: number): AttendanceEntry[] {
  return db
    .prepare('SELECT agent_id AS agentId, statut FROM presences WHERE session_id = ? ORDER BY agent_id')
    .all(sessionId) as AttendanceEntry[];
}

export function setAttendance(
  db: Db,
  actor: Actor,
  sessionId: number,
  entries: readonly AttendanceEntry[],
  now: Date,
): void {
  const seen = new Set<number>();
  for (const entry of entries) {
    if (seen.has(entry.agentId))
      throw new RefusedError(`L'agent n° ${entry.agentId} figure deux fois dans la liste.`);
    seen.add(entry.agentId);
  }
  db.legacyTransaction(() => {
    const session = db.prepare('SELECT date FROM sessions_formation WHERE id = ?').get(sessionId) as
      { date: string } | undefined;
    if (!session) throw new NotFoundError(`La session de formation n° ${sessionId} n'existe pas.`);
    // A training counts from the day it was attended: nobody can have attended a session still to come.
    if (session.date > parisDay(now) && entries.some((entry) => entry.statut === 'present'))
      throw new RefusedError(
        `La session du ${session.date} n'a pas encore eu lieu : personne ne peut y être noté présent.`,
      );
    const agentExists = db.prepare('SELECT 1 FROM agents WHERE id = ?');
    for (const entry of entries)
      if (!agentExists.get(entry.agentId))
        throw new NotFoundError(`L'agent n° ${entry.agentId} n'existe pas.`);
    const before = attendanceOf(db, sessionId);
    db.prepare('DELETE FROM presences WHERE session_id = ?').run(sessionId);
    const insert = db.prepare('INSERT INTO presences (session_id, agent_id, statut) VALUES (?, ?, ?)');
    for (const entry of entries) insert.run(sessionId, entry.agentId, entry.statut);
    recordAudit(
      db,
      actor,
      {
        action: 'presences',
        objet: 'session_formation',
        objetId: sessionId,
        avant: before,
        apres: attendanceOf(db, sessionId),
      },
      now,
    );
  })();
}
