import type { AccountMethod } from '../contract';
import type { HandlerTable } from '../handler-types';

export const accountHandlers: HandlerTable<AccountMethod> = {
  'auth.session': (core, _input, { session }) => core.accounts.info(session),
  'auth.setup': async (core, input, { client }) =>
    core.accounts.info(await core.accounts.setup(client, input)),
  'auth.login': async (core, input, { client }) =>
    core.accounts.info(await core.accounts.login(client, input.identifiant, input.motDePasse)),
  'auth.logout': (core, _input, { client }) => {
    core.accounts.logout(client);
    return core.accounts.info({ roles: [] });
  },
  'auth.deskAgents': (core) => core.accounts.deskAgents(),
  'auth.pinLogin': async (core, input, { client }) =>
    core.accounts.info(await core.accounts.pinLogin(client, input.compteId, input.pin)),
};
