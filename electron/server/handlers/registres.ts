import type { Core } from '../../core/app';
import { actorOf } from '../../core/auth/session';
import { agentView } from '../../core/agents/agent-view';
import { listAgents } from '../../core/agents/agent-list';
import { createAgent, updateAgent } from '../../core/agents/agents';
import { importAgentsCsv } from '../../core/agents/agents-import';
import { addAssignment, endAssignment, removeAssignment } from '../../core/agents/affectations';
import { setAttendance } from '../../core/formations/attendance';
import { refreshersDue } from '../../core/formations/refreshers';
import { createSession, listSessions, sessionView, updateSession } from '../../core/formations/formations';
import { listTrainingTypes, updateTrainingType } from '../../core/formations/training-types';
import { parisDay } from '../../../common/dates';
import { createPoint, getPoint, listPoints, updatePoint } from '../../core/points/points';
import { RefusedError } from '../../core/errors';
import type { RegistryMethod } from '../../../common/contract';
import type { HandlerTable } from '../handler-types';
import type { PointFields, PointRecord, PointView } from '../../../common/registres/methods';

/** The point with the name of its contact, read from the knowledge base. */
function pointView(core: Core, point: PointRecord): PointView {
  if (point.contact_id === null) return { ...point, contact: null };
  const contact = core.search.current().contact(point.contact_id);
  return { ...point, contact: { id: point.contact_id, nom: contact?.nom ?? null } };
}

/** The contact must be one of the knowledge base's: it lives in the content folder, not in the database. */
function checkContact(core: Core, fields: PointFields): void {
  if (fields.contact_id !== null && !core.search.current().contact(fields.contact_id))
    throw new RefusedError(
      `Le service « ${fields.contact_id} » n'existe pas dans l'annuaire : choisissez-le dans la liste proposée.`,
    );
}

/** Reception points, agents, assignments, training: thin calls into core/desks/points and core/agents. */
export const registryHandlers: HandlerTable<RegistryMethod> = {
  'points.list': (core, input) => ({ points: listPoints(core.store.db, input) }),
  'points.get': (core, input) => pointView(core, getPoint(core.store.db, input.id)),
  'points.create': (core, input, { session }) => {
    checkContact(core, input);
    return pointView(core, createPoint(core.store.db, actorOf(session), input, core.now()));
  },
  'points.update': (core, { id, ...fields }, { session }) => {
    checkContact(core, fields);
    return pointView(core, updatePoint(core.store.db, actorOf(session), id, fields, core.now()));
  },

  'agents.list': (core, input) => ({ agents: listAgents(core.store.db, input, core.now()) }),
  'agents.get': (core, input) => agentView(core.store.db, input.id, core.now()),
  'agents.create': (core, input, { session }) => {
    const agent = createAgent(core.store.db, actorOf(session), input, core.now());
    return agentView(core.store.db, agent.id, core.now());
  },
  'agents.update': (core, { id, ...fields }, { session }) => {
    updateAgent(core.store.db, actorOf(session), id, fields, core.now());
    return agentView(core.store.db, id, core.now());
  },
  'agents.importCsv': (core, input, { session }) =>
    importAgentsCsv(core.store.db, actorOf(session), input.csv, input.dryRun, core.now()),

  'affectations.add': (core, input, { session }) => {
    addAssignment(core.store.db, actorOf(session), input, core.now());
    return agentView(core.store.db, input.agentId, core.now());
  },
  'affectations.end': (core, input, { session }) => {
    const ended = endAssignment(core.store.db, actorOf(session), input.id, input.fin, core.now());
    return agentView(core.store.db, ended.agent_id, core.now());
  },
  'affectations.remove': (core, input, { session }) => {
    const removed = removeAssignment(core.store.db, actorOf(session), input.id, core.now());
    return agentView(core.store.db, removed.agent_id, core.now());
  },

  'formations.types': (core) => ({ types: listTrainingTypes(core.store.db) }),
  'formations.types.update': (core, input, { session }) => {
    updateTrainingType(core.store.db, actorOf(session), input, core.now());
    return { types: listTrainingTypes(core.store.db) };
  },
  'formations.list': (core, input) => ({ sessions: listSessions(core.store.db, input, core.now()) }),
  'formations.get': (core, input) => sessionView(core.store.db, input.id, core.now()),
  'formations.create': (core, input, { session }) => {
    const id = createSession(core.store.db, actorOf(session), input, core.now());
    return sessionView(core.store.db, id, core.now());
  },
  'formations.update': (core, { id, ...fields }, { session }) => {
    updateSession(core.store.db, actorOf(session), id, fields, core.now());
    return sessionView(core.store.db, id, core.now());
  },
  'formations.attendance': (core, input, { session }) => {
    setAttendance(core.store.db, actorOf(session), input.sessionId, input.entries, core.now());
    return sessionView(core.store.db, input.sessionId, core.now());
  },
  'formations.refreshers': (core, input) => ({
    today: parisDay(core.now()),
    withinDays: input.withinDays,
    rows: refreshersDue(core.store.db, input.withinDays, core.now()),
  }),
};
