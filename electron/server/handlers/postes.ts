import { actorOf } from '../../core/auth/session';
import { createPoste, enrolPoste, listPostes, newEnrolmentCode, revokePoste } from '../../core/postes/postes';
import type { PosteMethod } from '../../../common/contract';
import type { HandlerTable } from '../handler-types';

/** The city's desks: thin calls into core/postes. */
export const posteHandlers: HandlerTable<PosteMethod> = {
  'postes.list': async (core) => ({ postes: await listPostes(core.store.db) }),
  'postes.create': (core, input, { session }) =>
    createPoste(core.store.db, actorOf(session), input, core.now()),
  'postes.newCode': (core, input, { session }) =>
    newEnrolmentCode(core.store.db, actorOf(session), input.id, core.now()),
  'postes.revoke': (core, input, { session }) =>
    revokePoste(core.store.db, actorOf(session), input.id, core.now()),
  'postes.enrol': (core, input) => enrolPoste(core.store.db, input.code, core.now()),
};
