// One agent's page: identity, assignments, every session attended or registered for, and per training type
// the latest session attended, until when it counts and when the refresher is due.
import type { AgentView, AttendanceView } from '../../../common/agents/methods';
import { parisDay } from '../../../common/dates';
import { sql, type Db } from '../store/db';
import { getAgent } from './agents';
import { assignmentsOf } from './affectations';
import { attendedDays } from '../formations/attended';
import { trainingStatus } from '../formations/training-status';
import { listTrainingTypes } from '../formations/training-types';

export async function agentView(db: Db, id: number, now: Date): Promise<AgentView> {
  const agent = await getAgent(db, id);
  const today = parisDay(now);
  const attended = (await attendedDays(db, id)).get(id);
  const presences = await db.all<AttendanceView>(
    sql`SELECT s.id AS "sessionId", s.type, t.libelle AS "typeLibelle", s.date, s.formateur, s.lieu, p.statut
        FROM presences p
        JOIN sessions_formation s ON s.id = p.session_id
        JOIN types_formation t ON t.code = s.type
        WHERE p.agent_id = ${id} ORDER BY s.date DESC, s.id DESC`,
  );
  const affectations = await assignmentsOf(db, id, now);
  const types = await listTrainingTypes(db);
  return {
    ...agent,
    affectations,
    presences,
    formations: types.map((type) => ({
      type: type.code,
      libelle: type.libelle,
      validiteMois: type.validiteMois,
      ...trainingStatus(attended?.get(type.code) ?? [], type.validiteMois, today),
    })),
  };
}
