import { actorOf } from '../../core/auth/session';
import { agentOptions, getCompte, listComptes } from '../../core/comptes/comptes';
import type { CompteMethod } from '../../../common/contract';
import type { HandlerTable } from '../handler-types';

/** Accounts, for administrators: reads from core/comptes, changes through core/auth (it owns the hashes). */
export const compteHandlers: HandlerTable<CompteMethod> = {
  'comptes.list': async (core) => ({ comptes: await listComptes(core.store.db) }),
  'comptes.get': (core, input) => getCompte(core.store.db, input.id),
  'comptes.create': (core, input, { session }) => core.auth.create(actorOf(session), input),
  'comptes.update': (core, input, { session }) => core.auth.update(actorOf(session), input),
  'comptes.setPassword': (core, input, { session }) =>
    core.auth.setPassword(actorOf(session), input.id, input.motDePasse),
  'comptes.setPin': (core, input, { session }) => core.auth.setPin(actorOf(session), input.id, input.pin),
  'comptes.unlock': (core, input, { session }) => core.auth.unlock(actorOf(session), input.id),
  'comptes.agentOptions': async (core) => ({ agents: await agentOptions(core.store.db) }),
};
