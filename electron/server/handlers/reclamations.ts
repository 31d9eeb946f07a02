import { actorOf } from '../../core/auth/session';
import type { Core } from '../../core/app';
import { UnavailableError, NotFoundError } from '../../core/errors';
import { pointOfCall } from '../../core/points/call-point';
import { getReclamation, listReclamations } from '../../core/reclamations/read';
import { readReclamationSettings, writeReclamationSettings } from '../../core/reclamations/settings';
import {
  acknowledgeReclamation,
  answerReclamation,
  assignReclamation,
  closeReclamation,
  createReclamation,
  raiseActionFrom,
} from '../../core/reclamations/workflow';
import type { ReclamationMethod } from '../../../common/contract';
import type { HandlerTable } from '../handler-types';

/** A complaint is assigned to a service of the directory; refused when the knowledge base does not know it. */
function checkService(core: Core, serviceId: string): void {
  try {
    if (!core.search.current().contact(serviceId))
      throw new NotFoundError(`Le service « ${serviceId} » n’existe pas dans l’annuaire.`);
  } catch (error) {
    // While the index is first built, the id is taken as given.
    if (!(error instanceof UnavailableError)) throw error;
  }
}

/** Complaints and suggestions: thin calls into core/reclamations, which decides who reads what. */
export const reclamationHandlers: HandlerTable<ReclamationMethod> = {
  'reclamations.create': async (core, input, { session, poste }) =>
    createReclamation(
      core.store.db,
      actorOf(session),
      input,
      (await pointOfCall(core.store.db, poste))?.pointId ?? null,
      core.now(),
    ),
  'reclamations.list': async (core, input, { session }) => ({
    reclamations: await listReclamations(core.store.db, session, input, core.now()),
  }),
  'reclamations.get': (core, input, { session }) =>
    getReclamation(core.store.db, session, input.id, core.now()),
  'reclamations.acknowledge': (core, input, { session }) =>
    acknowledgeReclamation(core.store.db, actorOf(session), session, input.id, input.le, core.now()),
  'reclamations.assign': (core, input, { session }) => {
    checkService(core, input.serviceId);
    return assignReclamation(core.store.db, actorOf(session), session, input.id, input.serviceId, core.now());
  },
  'reclamations.answer': (core, input, { session }) =>
    answerReclamation(core.store.db, actorOf(session), session, input.id, input, core.now()),
  'reclamations.close': (core, input, { session }) =>
    closeReclamation(core.store.db, actorOf(session), session, input.id, core.now()),
  'reclamations.raiseAction': (core, input, { session }) =>
    raiseActionFrom(core.store.db, actorOf(session), session, input.id, core.now()),
  'reclamations.reglages.get': (core) => readReclamationSettings(core.store.db),
  'reclamations.reglages.set': (core, input, { session }) =>
    writeReclamationSettings(core.store.db, actorOf(session), input, core.now()),
};
