import { actorOf } from '../../core/auth/session';
import type { Core } from '../../core/app';
import { knowledgeRefs } from '../../core/journal/refs';
import type { CallingDesk } from '../../core/points/call-point';
import type { IngestKnowledge } from '../../core/sync/apply';
import { deskState } from '../../core/sync/desk';
import { ingestBatch } from '../../core/sync/ingest';
import { listRejets, settleRejet } from '../../core/sync/rejets';
import type { SyncMethod } from '../../../common/contract';
import type { CallContext, HandlerTable } from '../handler-types';

/** The desks' entries are checked against the knowledge base the server searches now. */
function knowledge(core: Core): IngestKnowledge {
  const engine = core.search.current();
  return { refs: knowledgeRefs(engine.knowledge), ficheKnown: (id) => engine.fiche(id) !== undefined };
}

/** The calling desk; the dispatcher has already refused a call to a `poste` method without one. */
function desk({ poste }: CallContext): CallingDesk {
  if (!poste) throw new Error('a desk method was called without a desk');
  return poste;
}

/** The city desks' outbox and offline state, and the dead letters: thin calls into core/sync. */
export const syncHandlers: HandlerTable<SyncMethod> = {
  'sync.ingest': async (core, input, context) => ({
    results: await ingestBatch(core.store.db, knowledge(core), desk(context), input, core.now()),
  }),
  'sync.desk': (core, _input, context) => deskState(core.store.db, desk(context), core.now()),
  'sync.rejets.list': async (core, input) => ({
    rejets: await listRejets(core.store.db, input.traites ?? false),
  }),
  'sync.rejets.settle': (core, input, { session }) =>
    settleRejet(core.store.db, knowledge(core), actorOf(session), input.id, input.action, core.now()),
};
