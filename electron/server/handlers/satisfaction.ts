import { actorOf } from '../../core/auth/session';
import { pointOfCall } from '../../core/points/call-point';
import { recordRating } from '../../core/satisfaction/record';
import { importSurvey } from '../../core/satisfaction/survey-import';
import type { SatisfactionMethod } from '../../../common/contract';
import type { HandlerTable } from '../handler-types';

/** Satisfaction: thin calls into core/satisfaction. */
export const satisfactionHandlers: HandlerTable<SatisfactionMethod> = {
  'satisfaction.record': async (core, input, { poste }) =>
    recordRating(core.store.db, input, core.now(), await pointOfCall(core.store.db, poste)),
  'satisfaction.importCsv': (core, input, { session }) =>
    importSurvey(core.store.db, actorOf(session), input, core.now()),
};
