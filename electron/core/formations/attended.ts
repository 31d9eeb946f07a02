// Reading attendance: the days each agent was present at a session of each type. Only « present » counts
// for a training; « inscrit » and « absent » never do.
import type { Db } from '../store/db';

/** agentId → training type → days attended. */
export type AttendedDays = Map<number, Map<string, string[]>>;

export function attendedDays(db: Db, agentId?: number): AttendedDays {
  const rows = db
    .prepare(
      `SELECT p.agent_id AS agentId, s.type AS type, s.date AS date
       FROM presences p JOIN sessions_formation s ON s.id = p.session_id
       WHERE p.statut = 'present' AND (? IS NULL OR p.agent_id = ?)`,
    )
    .all(agentId ?? null, agentId ?? null) as Array<{ agentId: number; type: string; date: string }>;
  const byAgent: AttendedDays = new Map();
  for (const row of rows) {
    let byType = byAgent.get(row.agentId);
    if (!byType) byAgent.set(row.agentId, (byType = new Map()));
    const days = byType.get(row.type);
    if (days) days.push(row.date);
    else byType.set(row.type, [row.date]);
  }
  return byAgent;
}
