import { actorOf } from '../../core/auth/session';
import { setAttendance } from '../../core/formations/attendance';
import {
  createFormation,
  listFormations,
  formationView,
  updateFormation,
} from '../../core/formations/formations';
import { refreshersDue } from '../../core/formations/refreshers';
import { listTrainingTypes, updateTrainingType } from '../../core/formations/training-types';
import { parisDay } from '../../../common/dates';
import type { FormationMethod } from '../../../common/contract';
import type { HandlerTable } from '../handler-types';

/** Training types, sessions, attendance and refreshers: thin calls into core/formations. */
export const formationHandlers: HandlerTable<FormationMethod> = {
  'formations.types': async (core) => ({ types: await listTrainingTypes(core.store.db) }),
  'formations.types.update': async (core, input, { session }) => {
    await updateTrainingType(core.store.db, actorOf(session), input, core.now());
    return { types: await listTrainingTypes(core.store.db) };
  },
  'formations.list': async (core, input) => ({
    sessions: await listFormations(core.store.db, input, core.now()),
  }),
  'formations.get': (core, input) => formationView(core.store.db, input.id, core.now()),
  'formations.create': async (core, input, { session }) => {
    const id = await createFormation(core.store.db, actorOf(session), input, core.now());
    return formationView(core.store.db, id, core.now());
  },
  'formations.update': async (core, { id, ...fields }, { session }) => {
    await updateFormation(core.store.db, actorOf(session), id, fields, core.now());
    return formationView(core.store.db, id, core.now());
  },
  'formations.attendance': async (core, input, { session }) => {
    await setAttendance(core.store.db, actorOf(session), input.sessionId, input.entries, core.now());
    return formationView(core.store.db, input.sessionId, core.now());
  },
  'formations.refreshers': async (core, input) => ({
    today: parisDay(core.now()),
    withinDays: input.withinDays,
    rows: await refreshersDue(core.store.db, input.withinDays, core.now()),
  }),
};
