import { actorOf } from '../../core/auth/session';
import { createAction, getAction, listActions, updateAction } from '../../core/actions/actions';
import { parisDay } from '../../../common/dates';
import type { ActionMethod } from '../../../common/contract';
import type { HandlerTable } from '../handler-types';

/** Corrective actions: thin calls into core/actions. */
export const actionHandlers: HandlerTable<ActionMethod> = {
  'actions.list': async (core, input) => ({
    aujourdhui: parisDay(core.now()),
    actions: await listActions(core.store.db, input, core.now()),
  }),
  'actions.get': (core, input) => getAction(core.store.db, input.id, core.now()),
  'actions.create': async (core, input, { session }) => {
    const id = await createAction(core.store.db, actorOf(session), input, core.now());
    return getAction(core.store.db, id, core.now());
  },
  'actions.update': async (core, input, { session }) => {
    await updateAction(core.store.db, actorOf(session), input, core.now());
    return getAction(core.store.db, input.id, core.now());
  },
};
