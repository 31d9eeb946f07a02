import { actorOf } from '../../core/auth/session';
import { parisDay } from '../../../common/dates';
import { decideLabel } from '../../core/label/decide';
import { labelEvaluation, labelPoint, listLabelPoints } from '../../core/label/label-points';
import { labelRegister, registerCsv } from '../../core/label/register';
import { readLabelSettings, trainingTypes, writeLabelSettings } from '../../core/label/settings';
import { labelTodo } from '../../core/label/todo';
import type { LabelMethod } from '../../../common/contract';
import type { HandlerTable } from '../handler-types';

/** The label's methods: thin calls into core/label. */
export const labelHandlers: HandlerTable<LabelMethod> = {
  'label.points': (core, input) => listLabelPoints(core.store.db, input, core.now()),
  'label.point': (core, input) => labelPoint(core.store.db, input.id, core.now()),
  'label.evaluate': (core, input) => labelEvaluation(core.store.db, input.pointId, input.date, core.now()),
  'label.decide': (core, input, { session }) =>
    decideLabel(core.store.db, actorOf(session), input, core.now()),
  'label.todo': (core) => labelTodo(core.store.db, core.now()),
  'label.register': async (core) => ({
    aujourdhui: parisDay(core.now()),
    points: await labelRegister(core.store.db, core.now()),
  }),
  'label.registerCsv': (core) => registerCsv(core.store.db, core.now()),
  'label.settings.get': async (core) => ({
    reglage: await readLabelSettings(core.store.db),
    typesFormation: await trainingTypes(core.store.db),
  }),
  'label.settings.set': async (core, input, { session }) => ({
    reglage: await writeLabelSettings(core.store.db, actorOf(session), input, core.now()),
    typesFormation: await trainingTypes(core.store.db),
  }),
};
