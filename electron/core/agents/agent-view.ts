// One agent's page: identity, assignments, every session attended or registered for, and per training type
// the latest session attended, until when it counts and when the refresher is due.
import type { AgentView, AttendanceView } from '../../../common/agents/methods';
import { parisDay } from '../../../common/dates';
import type { Db } from '../store/db';
import { getAgent } from './agents';
import { assignmentsOf } from './affectations';
import { attendedDays } from '../formations/attended';
import { trainingStatus } from '../formations/training-status';
import { listTrainingTypes } from '../formations/training-types';

export function agentView(db: Db, id: number, now: Date): AgentView {
  const agent = getAgent(db, id);
  const today = parisDay(now);
  const attended = attendedDays(db, id).get(id);
  const presences = db
    .prepare(
      `SELECT s.id AS sessionId, s.type, t.libelle AS typeLibelle, s.date, s.formateur, s.lieu, p.statut
       FROM presences p
       JOIN sessions_formation s ON s.id = p.session_id
       JOIN types_formation t ON t.code = s.type
       WHERE p.agent_id = ? ORDER BY s.date DESC, s.id DESC`,
    )
    .all(id) as AttendanceView[];
  return {
    ...agent,
    affectations: assignmentsOf(db, id, now),
    presences,
    formations: listTrainingTypes(db).map((type) => ({
      type: type.code,
      libelle: type.libelle,
      validiteMois: type.validiteMois,
      ...trainingStatus(attended?.get(type.code) ?? [], type.validiteMois, today),
    })),
  };
}
