import { actorOf } from '../../core/auth/session';
import type { Core } from '../../core/app';
import { UnavailableError } from '../../core/errors';
import { annualReview } from '../../core/indicateurs/bilan';
import { bilanCsv, tableauCsv } from '../../core/indicateurs/csv';
import type { Names } from '../../core/indicateurs/tableau';
import { NO_NAMES, tableau } from '../../core/indicateurs/tableau';
import { getPlan, setPlan } from '../../core/indicateurs/plan';
import { dashboardPostes } from '../../core/indicateurs/postes';
import { listObjectives, removeObjective, setObjective } from '../../core/indicateurs/objectifs';
import type { IndicateurMethod } from '../../../common/contract';
import type { HandlerTable } from '../handler-types';

/** Service and fiche names from the knowledge base the desk searches now; ids alone while it is not ready. */
function names(core: Core): Names {
  let engine: ReturnType<Core['search']['current']>;
  try {
    engine = core.search.current();
  } catch (error) {
    if (error instanceof UnavailableError) return NO_NAMES;
    throw error;
  }
  return {
    service: (id) => engine.contact(id)?.nom,
    fiche: (id) => engine.fiche(id)?.titre,
  };
}

/** The indicators' methods: thin calls into core/indicators. */
export const indicateurHandlers: HandlerTable<IndicateurMethod> = {
  'indicateurs.tableau': (core, input) => tableau(core.store.db, input, names(core), core.now()),
  'indicateurs.postes': async (core) => ({ postes: await dashboardPostes(core.store.db) }),
  'indicateurs.csv': async (core, input) => {
    const { table, ...request } = input;
    // A CSV file is for working on: it takes the ranked tables further than the screen does.
    return tableauCsv(
      await tableau(core.store.db, { ...request, limite: 500 }, names(core), core.now()),
      table,
    );
  },
  'objectifs.list': async (core) => ({ objectifs: await listObjectives(core.store.db) }),
  'objectifs.set': (core, input, { session }) =>
    setObjective(core.store.db, actorOf(session), input, core.now()),
  'objectifs.remove': async (core, input, { session }) => {
    await removeObjective(core.store.db, actorOf(session), input.indicateur, core.now());
    return { objectifs: await listObjectives(core.store.db) };
  },
  'bilan.annuel': (core, input) => annualReview(core.store.db, input.annee, names(core), core.now()),
  'bilan.csv': async (core, input) =>
    bilanCsv(await annualReview(core.store.db, input.annee, names(core), core.now())),
  'bilan.plan.get': (core, input) => getPlan(core.store.db, input.annee),
  'bilan.plan.set': (core, input, { session }) => setPlan(core.store.db, actorOf(session), input, core.now()),
};
