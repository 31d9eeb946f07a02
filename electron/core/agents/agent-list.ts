// The agents list: who they are, where they are assigned today, and where they stand for the Info'Cité
// training, with the filters of the agents page.
import type { AgentSummary, FormationFilter } from '../../../common/agents/methods';
import type { TrainingState } from '../../../common/formations/methods';
import { parisDay } from '../../../common/dates';
import { sql, type Db } from '../store/db';
import { currentPoints } from './affectations';
import type { AgentRow } from './agents';
import { toAgent } from './agents';
import { attendedDays } from '../formations/attended';
import { fold, matchesQuery } from '../../../common/text';
import { INFOCITE_TYPE, trainingStatus } from '../formations/training-status';
import { getTrainingType } from '../formations/training-types';

export interface AgentFilter {
  /** Words found in the name, first name, service or email. */
  q?: string;
  /** Only the agents assigned to this point today. */
  pointId?: number;
  formation?: FormationFilter;
  actif?: boolean;
}

/** Which training states each filter keeps: an expired training is a refresher overdue. */
const FILTER_STATES: Record<FormationFilter, readonly TrainingState[]> = {
  a_jour: ['a_jour'],
  a_recycler: ['a_recycler', 'expiree'],
  non_forme: ['jamais'],
};

export async function listAgents(db: Db, filter: AgentFilter, now: Date): Promise<AgentSummary[]> {
  const today = parisDay(now);
  const points = await currentPoints(db, today);
  const attended = await attendedDays(db);
  const { validiteMois } = await getTrainingType(db, INFOCITE_TYPE);
  const rows = await db.all<AgentRow>(
    sql`SELECT id, nom, prenom, service, courriel, actif, cree_le FROM agents`,
  );
  const agents = rows.map((row): AgentSummary => {
    const { cree_le: _created, ...identity } = toAgent(row);
    const days = attended.get(row.id)?.get(INFOCITE_TYPE) ?? [];
    return {
      ...identity,
      points: points.get(row.id) ?? [],
      infocite: trainingStatus(days, validiteMois, today),
    };
  });
  return agents
    .filter(
      (agent) =>
        (filter.actif === undefined || agent.actif === filter.actif) &&
        (filter.pointId === undefined || agent.points.some((p) => p.id === filter.pointId)) &&
        (filter.formation === undefined || FILTER_STATES[filter.formation].includes(agent.infocite.etat)) &&
        matchesQuery(filter.q, agent.nom, agent.prenom, agent.service, agent.courriel),
    )
    .sort(
      (a, b) =>
        fold(a.nom).localeCompare(fold(b.nom), 'fr') || fold(a.prenom).localeCompare(fold(b.prenom), 'fr'),
    );
}
