import { actorOf } from '../../core/auth/session';
import { parisDay } from '../../../common/dates';
import { cancelEntry, myEntries, updateEntry } from '../../core/journal/corrections';
import { recordEntry } from '../../core/journal/record';
import { knowledgeRefs } from '../../core/journal/refs';
import { readRetention, runRetention, writeRetention } from '../../core/journal/retention';
import { recordSearch } from '../../core/journal/searches';
import type { Core } from '../../core/app';
import type { JournalMethod } from '../../../common/contract';
import type { HandlerTable } from '../handler-types';
import { pointOfCall } from '../../core/points/call-point';

/** The codes are checked against the knowledge base the desk searches now. */
function refs(core: Core) {
  return knowledgeRefs(core.search.current().knowledge);
}

/** The orientation log's methods: thin calls into core/journal. */
export const journalHandlers: HandlerTable<JournalMethod> = {
  'journal.record': async (core, input, { session, poste }) =>
    recordEntry(core.store.db, refs(core), actorOf(session), input, core.now(), {
      point: await pointOfCall(core.store.db, poste),
    }),
  'journal.cancel': (core, input, { session }) =>
    cancelEntry(core.store.db, actorOf(session), input.id, core.now()),
  'journal.update': (core, input, { session }) =>
    updateEntry(core.store.db, refs(core), actorOf(session), input, core.now()),
  'journal.mine': async (core, _input, { session }) => ({
    jour: parisDay(core.now()),
    entries: await myEntries(core.store.db, actorOf(session), core.now()),
  }),
  'journal.recordSearch': async (core, input, { poste }) =>
    recordSearch(core.store.db, input, core.now(), { point: await pointOfCall(core.store.db, poste) }),
  'journal.retention.get': (core) => readRetention(core.store.db),
  'journal.retention.set': (core, input, { session }) =>
    writeRetention(core.store.db, actorOf(session), input.mois, core.now()),
  'journal.retention.run': (core, _input, { session }) =>
    runRetention(core.store.db, core.now(), actorOf(session)),
};
