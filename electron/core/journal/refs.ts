// What the log checks its codes against: the fiches, services (contacts) and thèmes of the knowledge base as the
// desk sees it now. Built once per knowledge base (the engine replaces its whole object on every rebuild), so a
// logged contact costs map look-ups, not a walk over thousands of fiches.
import type { KnowledgeBase } from '../../../common/knowledge/types';

export interface KnowledgeRefs {
  /** A published fiche (drafts cannot have been consulted at the desk). */
  hasFiche(id: string): boolean;
  hasContact(id: string): boolean;
  hasTheme(id: string): boolean;
  /** The services a fiche sends citizens to: those it names, then the contacts of its pivot types. */
  servicesOf(ficheId: string): readonly string[];
  /** A fiche's thèmes, main one first. */
  themesOf(ficheId: string): readonly string[];
}

type Knowledge = Pick<KnowledgeBase, 'fiches' | 'contacts' | 'themes'>;

const cache = new WeakMap<Knowledge, KnowledgeRefs>();

export function knowledgeRefs(knowledge: Knowledge): KnowledgeRefs {
  const cached = cache.get(knowledge);
  if (cached) return cached;
  const contacts = new Set(knowledge.contacts.map((contact) => contact.id));
  const themes = new Set(knowledge.themes.map((theme) => theme.id));
  const byType = new Map<string, string[]>();
  for (const contact of knowledge.contacts) {
    if (contact.type) byType.set(contact.type, [...(byType.get(contact.type) ?? []), contact.id]);
  }
  const fiches = new Map(
    knowledge.fiches.filter((fiche) => fiche.statut === 'publiee').map((fiche) => [fiche.id, fiche] as const),
  );
  const services = new Map<string, readonly string[]>();
  const refs: KnowledgeRefs = {
    hasFiche: (id) => fiches.has(id),
    hasContact: (id) => contacts.has(id),
    hasTheme: (id) => themes.has(id),
    servicesOf: (ficheId) => {
      let list = services.get(ficheId);
      if (list === undefined) {
        const fiche = fiches.get(ficheId);
        const named = fiche?.services.filter((id) => contacts.has(id)) ?? [];
        const byPivot = fiche?.pivots.flatMap((pivot) => byType.get(pivot) ?? []) ?? [];
        list = [...new Set([...named, ...byPivot])];
        services.set(ficheId, list);
      }
      return list;
    },
    themesOf: (ficheId) => fiches.get(ficheId)?.themes ?? [],
  };
  cache.set(knowledge, refs);
  return refs;
}
