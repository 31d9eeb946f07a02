// Drafts stay with their editors: an agent asking for one gets « not found », decided here in the core (the
// window hiding a link is not a protection), while a rédacteur previews it as agents will see it once published.
import type { Session } from '../auth/session';
import { NotFoundError } from '../errors';
import type { Fiche, KnowledgeBase } from '../../../common/knowledge/types';

/** Who may read drafts: the editors, and administrators (who hold every role). */
export function seesDrafts(session: Session): boolean {
  return session.roles.includes('redacteur') || session.roles.includes('administrateur');
}

/**
 * The fiche `id` as this session may read it: a published one for anybody, a draft for editors only; otherwise
 * the same NotFoundError as a fiche that does not exist, so an agent cannot even learn that a draft exists.
 */
export function ficheForSession(
  published: (id: string) => Fiche | undefined,
  knowledge: KnowledgeBase,
  id: string,
  session: Session,
): Fiche {
  const fiche =
    published(id) ??
    (seesDrafts(session)
      ? knowledge.fiches.find((item) => item.id === id && item.statut === 'brouillon')
      : undefined);
  if (!fiche) throw new NotFoundError(`La fiche « ${id} » n'existe pas ou n'est pas publiée.`);
  return fiche;
}
