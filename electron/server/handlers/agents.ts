import { actorOf } from '../../core/auth/session';
import { agentView } from '../../core/agents/agent-view';
import { listAgents } from '../../core/agents/agent-list';
import { createAgent, updateAgent } from '../../core/agents/agents';
import { importAgentsCsv } from '../../core/agents/agents-import';
import { addAssignment, endAssignment, removeAssignment } from '../../core/agents/affectations';
import type { AgentMethod } from '../../../common/contract';
import type { HandlerTable } from '../handler-types';

/** Agents and their assignments (affectations): thin calls into core/agents. */
export const agentHandlers: HandlerTable<AgentMethod> = {
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
};
