import { ANONYMOUS } from '../../core/auth/session';
import type { Core } from '../../core/app';
import { pointOfCall } from '../../core/points/call-point';
import type { AuthMethod } from '../../../common/contract';
import type { CallContext, HandlerTable } from '../handler-types';

/** The point of the call: a city desk's own, else the installation's. */
const pointOf = (core: Core, { poste }: CallContext) => pointOfCall(core.store.db, poste);

/** First start, login, the desk's PIN switch, logout, one's own password: thin calls into core/auth. */
export const authHandlers: HandlerTable<AuthMethod> = {
  'auth.session': async (core, _input, context) =>
    core.auth.info(context.session, await pointOf(core, context)),
  'auth.setup': async (core, input, context) =>
    core.auth.info(await core.auth.setup(context.client, input), await pointOf(core, context)),
  'auth.login': async (core, input, context) =>
    core.auth.info(
      await core.auth.login(context.client, input.identifiant, input.motDePasse, context.source),
      await pointOf(core, context),
    ),
  'auth.logout': async (core, _input, context) => {
    core.auth.logout(context.client);
    return core.auth.info(ANONYMOUS, await pointOf(core, context));
  },
  'auth.deskAgents': async (core, _input, context) => core.auth.deskAgents(await pointOf(core, context)),
  'auth.pinLogin': async (core, input, context) => {
    const point = await pointOf(core, context);
    const session = await core.auth.pinLogin(
      context.client,
      input.compteId,
      input.pin,
      context.source,
      point,
    );
    return core.auth.info(session, point);
  },
  'auth.changePassword': async (core, input, context) =>
    core.auth.info(
      await core.auth.changePassword(
        context.client,
        context.session,
        input.actuel,
        input.nouveau,
        context.source,
      ),
      await pointOf(core, context),
    ),
};
