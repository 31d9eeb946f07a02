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
  'formations.types': (core) => ({ types: listTrainingTypes(core.store.db) }),
  'formations.types.update': (core, input, { session }) => {
    updateTrainingType(core.store.db, actorOf(session), input, core.now());
    return { types: listTrainingTypes(core.store.db) };
  },
  'formations.list': (core, input) => ({ sessions: listFormations(core.store.db, input, core.now()) }),
  'formations.get': (core, input) => formationView(core.store.db, input.id, core.now()),
  'formations.create': (core, input, { session }) => {
    const id = createFormation(core.store.db, actorOf(session), input, core.now());
    return formationView(core.store.db, id, core.now());
  },
  'formations.update': (core, { id, ...fields }, { session }) => {
    updateFormation(core.store.db, actorOf(session), id, fields, core.now());
    return formationView(core.store.db, id, core.now());
  },
  'formations.attendance': (core, input, { session }) => {
    setAttendance(core.store.db, actorOf(session), input.sessionId, input.entries, core.now());
    return formationView(core.store.db, input.sessionId, core.now());
  },
  'formations.refreshers': (core, input) => ({
    today: parisDay(core.now()),
    withinDays: input.withinDays,
    rows: refreshersDue(core.store.db, input.withinDays, core.now()),
  }),
};
