import { ANONYMOUS, actorOf } from '../../core/auth/session';
import { agentOptions, getCompte, listComptes } from '../../core/comptes/comptes';
import { auditFacets, listAudit } from '../../core/audit/query';
import type { AuditMethod, AuthMethod, CompteMethod } from '../../../common/contract';
import type { HandlerTable } from '../handler-types';

export const accountHandlers: HandlerTable<AuthMethod | CompteMethod | AuditMethod> = {
  'auth.session': (core, _input, { session }) => core.auth.info(session),
  'auth.setup': async (core, input, { client }) => core.auth.info(await core.auth.setup(client, input)),
  'auth.login': async (core, input, { client, source }) =>
    core.auth.info(await core.auth.login(client, input.identifiant, input.motDePasse, source)),
  'auth.logout': (core, _input, { client }) => {
    core.auth.logout(client);
    return core.auth.info(ANONYMOUS);
  },
  'auth.deskAgents': (core) => core.auth.deskAgents(),
  'auth.pinLogin': async (core, input, { client, source }) =>
    core.auth.info(await core.auth.pinLogin(client, input.compteId, input.pin, source)),
  'auth.changePassword': async (core, input, { client, session, source }) =>
    core.auth.info(await core.auth.changePassword(client, session, input.actuel, input.nouveau, source)),

  'comptes.list': (core) => ({ comptes: listComptes(core.store.db) }),
  'comptes.get': (core, input) => getCompte(core.store.db, input.id),
  'comptes.create': (core, input, { session }) => core.auth.create(actorOf(session), input),
  'comptes.update': (core, input, { session }) => core.auth.update(actorOf(session), input),
  'comptes.setPassword': (core, input, { session }) =>
    core.auth.setPassword(actorOf(session), input.id, input.motDePasse),
  'comptes.setPin': (core, input, { session }) => core.auth.setPin(actorOf(session), input.id, input.pin),
  'comptes.unlock': (core, input, { session }) => core.auth.unlock(actorOf(session), input.id),
  'comptes.agentOptions': (core) => ({ agents: agentOptions(core.store.db) }),

  'audit.list': (core, input) => listAudit(core.store.db, input),
  'audit.facets': (core) => auditFacets(core.store.db),
};
