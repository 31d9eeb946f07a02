import { ANONYMOUS } from '../../core/auth/session';
import type { AuthMethod } from '../../../common/contract';
import type { HandlerTable } from '../handler-types';

/** First start, login, the desk's PIN switch, logout, one's own password: thin calls into core/auth. */
export const authHandlers: HandlerTable<AuthMethod> = {
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
};
