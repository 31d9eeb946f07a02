import { publicResults, publicResultsCsv } from '../../core/resultats/resultats';
import type { ResultatMethod } from '../../../common/contract';
import type { HandlerTable } from '../handler-types';

/** Published results: public, counts and rates only. */
export const resultatHandlers: HandlerTable<ResultatMethod> = {
  'resultats.public': (core, input) => publicResults(core.store.db, input, core.now()),
  'resultats.csv': async (core, input) =>
    publicResultsCsv(await publicResults(core.store.db, input, core.now())),
};
