import { actorOf, type Session } from '../../core/auth/session';
import { listAuditeurs } from '../../core/controles/auditeurs';
import { controlesBilan } from '../../core/controles/bilan';
import type { Caller } from '../../core/controles/caller';
import {
  addConstat,
  answerControle,
  cancelControle,
  controleView,
  finishControle,
  leverConstat,
  listControles,
  myControles,
  planControle,
  pointControles,
  removeConstat,
} from '../../core/controles/controles';
import { grilleVersion, grilleVersions, listGrilles, saveGrille } from '../../core/controles/grilles';
import { parisDay } from '../../../common/dates';
import { grants } from '../../../common/roles';
import type { ControleMethod } from '../../../common/contract';
import type { HandlerTable } from '../handler-types';

/** The session as the audits' core sees it: the account, its agent, whether it manages the label. */
function callerOf(session: Session): Caller {
  return {
    actor: actorOf(session),
    agentId: session.compte?.agentId ?? null,
    gestionnaire: grants(session.roles, 'gestionnaire'),
  };
}

/** Internal audits: thin calls into core/controles; who may fill an audit is decided there. */
export const controleHandlers: HandlerTable<ControleMethod> = {
  'controles.grilles.list': async (core) => ({ grilles: await listGrilles(core.store.db) }),
  'controles.grilles.get': async (core, input) => ({
    ...(await grilleVersion(core.store.db, input.id, input.version)),
    versions: await grilleVersions(core.store.db, input.id),
  }),
  'controles.grilles.save': (core, input, { session }) =>
    saveGrille(core.store.db, actorOf(session), input, core.now()),
  'controles.auditeurs': async (core) => {
    const today = parisDay(core.now());
    return { aujourdhui: today, auditeurs: await listAuditeurs(core.store.db, today) };
  },
  'controles.list': async (core, input) => ({
    aujourdhui: parisDay(core.now()),
    controles: await listControles(core.store.db, input),
  }),
  'controles.mine': async (core, _input, { session }) => ({
    controles: await myControles(core.store.db, callerOf(session)),
  }),
  'controles.plan': async (core, input, { session }) => {
    const caller = callerOf(session);
    const id = await planControle(core.store.db, caller, input, core.now());
    return controleView(core.store.db, caller, id);
  },
  'controles.get': (core, input, { session }) => controleView(core.store.db, callerOf(session), input.id),
  'controles.answer': async (core, input, { session }) => {
    const caller = callerOf(session);
    await answerControle(core.store.db, caller, input, core.now());
    return controleView(core.store.db, caller, input.id);
  },
  'controles.constats.add': async (core, input, { session }) => {
    const caller = callerOf(session);
    await addConstat(core.store.db, caller, input, core.now());
    return controleView(core.store.db, caller, input.controleId);
  },
  'controles.constats.remove': async (core, input, { session }) => {
    const caller = callerOf(session);
    const controleId = await removeConstat(core.store.db, caller, input.id, core.now());
    return controleView(core.store.db, caller, controleId);
  },
  'controles.constats.lever': (core, input, { session }) =>
    leverConstat(core.store.db, callerOf(session), input.id, core.now()),
  'controles.finish': async (core, input, { session }) => {
    const caller = callerOf(session);
    await finishControle(core.store.db, caller, input.id, input.realiseLe, core.now());
    return controleView(core.store.db, caller, input.id);
  },
  'controles.cancel': async (core, input, { session }) => {
    const caller = callerOf(session);
    await cancelControle(core.store.db, caller, input.id, input.motif, core.now());
    return controleView(core.store.db, caller, input.id);
  },
  'controles.point': (core, input) => pointControles(core.store.db, input.pointId),
  'controles.bilan': (core, input) => controlesBilan(core.store.db, input.annee, core.now()),
};
