import { ficheForSession } from '../../core/redaction/drafts';
import { NotFoundError } from '../../core/errors';
import { contactSummary, contactView } from '../../core/knowledge/contact-view';
import { renderMarkdown } from '../../core/knowledge/render';
import { oneLineAddress } from '../../core/address';
import type { KnowledgeMethod } from '../../../common/contract';
import type { HandlerTable } from '../handler-types';

/** How many services the main search shows beside the fiches: the directory lists the rest. */
const SERVICES_SHOWN = 5;

/** The knowledge base's methods: search, fiches, contacts, imports. */
export const knowledgeHandlers: HandlerTable<KnowledgeMethod> = {
  'search.query': (core, input) => {
    const engine = core.search.current();
    const started = performance.now();
    const response = engine.search(input.q, {
      themes: input.themes,
      origine: input.origine,
      limit: input.limit,
      offset: input.offset,
    });
    // The services come with the first page only: the next ones are more fiches of the same answer.
    const now = core.now();
    const services = input.offset
      ? undefined
      : engine.searchServices(input.q, SERVICES_SHOWN).map((contact) => ({
          ...contactSummary(contact, now),
          adresse: oneLineAddress(contact.adresse),
        }));
    return {
      ...response,
      ...(services ? { services } : {}),
      took_ms: Math.round((performance.now() - started) * 100) / 100,
    };
  },
  'search.status': (core) => core.search.status(),
  'fiches.get': (core, input, { session }) => {
    const engine = core.search.current();
    // Drafts: for editors only, refused to agents in the core.
    const fiche = ficheForSession((id) => engine.fiche(id), engine.knowledge, input.id, session);
    const { body, path: _path, ...meta } = fiche;
    const completed = fiche.complete ? engine.fiche(fiche.complete) : undefined;
    const now = core.now();
    return {
      fiche: meta,
      themes: engine.themeRefs(fiche.themes),
      html: renderMarkdown(body),
      services: engine.servicesOf(fiche).map((contact) => contactView(contact, now)),
      complements: engine
        .complements(fiche.id)
        .map((local) => ({ id: local.id, titre: local.titre, html: renderMarkdown(local.body) })),
      completes: completed ? { id: completed.id, titre: completed.titre } : undefined,
    };
  },
  'contacts.search': (core, input) => {
    const now = core.now();
    return {
      results: core.search
        .current()
        .searchContacts(input.q, input.limit)
        .map((c) => contactSummary(c, now)),
    };
  },
  'contacts.get': (core, input) => {
    const contact = core.search.current().contact(input.id);
    if (!contact) throw new NotFoundError(`Le service « ${input.id} » n'existe pas.`);
    return contactView(contact, core.now());
  },
  'content.problems': (core) => ({
    contentDir: core.options.contentDir,
    problems: core.search.current().knowledge.problems,
  }),
  'import.servicePublic.start': (core, input) => core.imports.start(input.from),
  'import.servicePublic.status': (core) => core.imports.current(),
  'themes.list': (core) => {
    const engine = core.search.current();
    const { themes, fiches } = engine.knowledge;
    return {
      themes: themes.map((theme) => ({
        id: theme.id,
        libelle: theme.libelle,
        description: theme.description,
        count: fiches.filter((f) => f.statut === 'publiee' && f.themes.includes(theme.id)).length,
      })),
    };
  },
};
