// Reading attendance: the days each agent was present at a session of each type. Only « present » counts
// for a training; « inscrit » and « absent » never do.
import { sql, type Db } from '../store/db';

/** agentId → training type → days attended. */
export type AttendedDays = Map<number, Map<string, string[]>>;

export async function attendedDays(db: Db, agentId?: number): Promise<AttendedDays> {
  const oneAgent = agentId === undefined ? sql`` : sql`AND p.agent_id = ${agentId}`;
  const rows = await db.all<{ agentId: number; type: string; date: string }>(
    sql`SELECT p.agent_id AS "agentId", s.type AS type, s.date AS date
        FROM presences p JOIN sessions_formation s ON s.id = p.session_id
        WHERE p.statut = 'present' ${oneAgent}`,
  );
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
