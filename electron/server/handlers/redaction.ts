import { actorOf } from '../../core/auth/session';
import type { Session } from '../../core/auth/session';
import type { Core } from '../../core/app';
import {
  addKeyword,
  backlogList,
  createDraft,
  nearestTheme,
  setBacklogStatus,
} from '../../core/redaction/manques';
import type { EditorContext } from '../../core/redaction/documents';
import { listDocuments, openDocument } from '../../core/redaction/documents';
import { recordFeedback } from '../../core/redaction/avis';
import { pointOfCall } from '../../core/points/call-point';
import { tidyFrontMatter } from '../../core/redaction/front-matter';
import { markVerified, reviewList } from '../../core/redaction/revision';
import { saveDocument } from '../../core/redaction/save';
import { validateDocument } from '../../core/redaction/validate';
import { addSynonym, setSynonyms, setThemes, vocabularyOf } from '../../core/redaction/vocabulaire';
import { renderMarkdown } from '../../core/knowledge/render';
import type { RedactionMethod } from '../../../common/contract';
import type { HandlerTable } from '../handler-types';

/** The content folder and the knowledge base the desk searches now. */
function context(core: Core): EditorContext {
  return { contentDir: core.options.contentDir, knowledge: core.search.current().knowledge };
}

/**
 * After a write, the search service reads the folder at once: its quick update indexes the changed file in the
 * same call (no wait for the watcher's quiet period, nor for a full build under way), and the full rebuild
 * follows in the worker. Synonyms and thèmes go through that full rebuild (about half a second on the demo).
 */
async function reindex<T>(core: Core, written: Promise<T> | T): Promise<T> {
  const result = await written;
  core.search.refreshNow();
  return result;
}

/** The name the files record (responsable, verifie_par): the account's, as people know it. */
function nameOf(session: Session): string {
  return session.compte?.nom ?? session.compte?.identifiant ?? 'inconnu';
}

/** The editors' workflow: thin calls into core/editor. */
export const redactionHandlers: HandlerTable<RedactionMethod> = {
  'redaction.list': (core, input) => listDocuments(context(core), input),
  'redaction.open': (core, input) => openDocument(context(core), input.kind, input.id),
  'redaction.validate': (core, input) => {
    const { knowledge } = context(core);
    const documents: ReadonlyArray<{ id: string; path: string }> =
      input.kind === 'fiche' ? knowledge.fiches : knowledge.contacts;
    const own = input.originalId === undefined ? undefined : documents.find((d) => d.id === input.originalId);
    return {
      problems: validateDocument(
        {
          kind: input.kind,
          frontMatter: tidyFrontMatter(input.kind, input.frontMatter),
          body: input.body,
          path: own?.path,
          originalId: own?.id,
        },
        knowledge,
      ),
    };
  },
  'redaction.preview': (_core, input) => ({ html: renderMarkdown(input.body) }),
  'redaction.save': async (core, input, { session }) => {
    const result = await saveDocument(core.store.db, actorOf(session), context(core), input, core.now());
    return result.status === 'saved' ? reindex(core, result) : result;
  },
  'revision.list': (core, input) => reviewList(context(core), input.withinDays, core.now()),
  'revision.markVerified': async (core, input, { session }) => {
    const result = await markVerified(
      core.store.db,
      actorOf(session),
      nameOf(session),
      context(core),
      input,
      core.now(),
    );
    return result.status === 'saved' ? reindex(core, result) : result;
  },
  'avis.record': async (core, input, { session, poste }) => {
    const engine = core.search.current();
    return recordFeedback(
      core.store.db,
      actorOf(session),
      (id) => engine.fiche(id) !== undefined,
      input,
      core.now(),
      { point: await pointOfCall(core.store.db, poste) },
    );
  },
  'manques.list': (core, input) => {
    const engine = core.search.current();
    // What each group's query finds in the index now: the first result, by the desk's own search.
    const findNow = (query: string) => {
      const hit = engine.search(query, { limit: 1 }).results[0];
      return hit ? { ficheId: hit.id, titre: hit.titre } : undefined;
    };
    return backlogList(core.store.db, context(core), input, findNow);
  },
  'manques.setStatus': (core, input, { session }) =>
    setBacklogStatus(core.store.db, actorOf(session), input, core.now()),
  'manques.createDraft': (core, input, { session }) => {
    const ctx = context(core);
    const theme = nearestTheme(core.search.current(), ctx.knowledge, input.query);
    return reindex(
      core,
      createDraft(
        core.store.db,
        actorOf(session),
        nameOf(session),
        ctx,
        { query: input.query, theme },
        core.now(),
      ),
    );
  },
  'manques.addKeyword': (core, input, { session }) =>
    reindex(core, addKeyword(core.store.db, actorOf(session), context(core), input, core.now())),
  'manques.addSynonym': (core, input, { session }) =>
    reindex(core, addSynonym(core.store.db, actorOf(session), context(core), input, core.now())),
  'vocabulaire.get': (core) => vocabularyOf(context(core)),
  'vocabulaire.setSynonyms': (core, input, { session }) =>
    reindex(core, setSynonyms(core.store.db, actorOf(session), context(core), input.groups, core.now())),
  'vocabulaire.setThemes': (core, input, { session }) =>
    reindex(core, setThemes(core.store.db, actorOf(session), context(core), input.themes, core.now())),
};
