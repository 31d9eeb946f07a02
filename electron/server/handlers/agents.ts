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
  'agents.list': async (core, input) => ({ agents: await listAgents(core.store.db, input, core.now()) }),
  'agents.get': (core, input) => agentView(core.store.db, input.id, core.now()),
  'agents.create': async (core, input, { session }) => {
    const agent = await createAgent(core.store.db, actorOf(session), input, core.now());
    return agentView(core.store.db, agent.id, core.now());
  },
  'agents.update': async (core, { id, ...fields }, { session }) => {
    await updateAgent(core.store.db, actorOf(session), id, fields, core.now());
    return agentView(core.store.db, id, core.now());
  },
  'agents.importCsv': (core, input, { session }) =>
    importAgentsCsv(core.store.db, actorOf(session), input.csv, input.dryRun, core.now()),

  'affectations.add': async (core, input, { session }) => {
    await addAssignment(core.store.db, actorOf(session), input, core.now());
    return agentView(core.store.db, input.agentId, core.now());
  },
  'affectations.end': async (core, input, { session }) => {
    const ended = await endAssignment(core.store.db, actorOf(session), input.id, input.fin, core.now());
    return agentView(core.store.db, ended.agent_id, core.now());
  },
  'affectations.remove': async (core, input, { session }) => {
    const removed = await removeAssignment(core.store.db, actorOf(session), input.id, core.now());
    return agentView(core.store.db, removed.agent_id, core.now());
  },
};
