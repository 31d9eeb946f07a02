// What the kiosk shows, built from the published knowledge only: the engine holds no draft (they are never
// indexed and `fiche()` knows only published ones), and the editors' own fields (who reviews, when) stay out.
import type { Fiche } from '../../../common/knowledge/types';
import type { ContactView } from '../../../common/contract';
import type { BorneFiche, BorneHit } from '../../../common/borne/methods';
import { NotFoundError } from '../errors';
import { contactView } from '../knowledge/contact-view';
import { renderMarkdown } from '../knowledge/render';
import type { SearchEngine } from '../search/engine';

export function borneSearch(
  engine: SearchEngine,
  q: string,
  theme: string | undefined,
  limit: number,
): { results: BorneHit[]; total: number } {
  const response = engine.search(q, { themes: theme ? [theme] : undefined, limit });
  return {
    results: response.results.map((hit) => ({
      id: hit.id,
      titre: hit.titre,
      resume: hit.resume,
      themes: hit.themes,
    })),
    total: theme ? (response.facets.find((f) => f.id === theme)?.count ?? 0) : response.total,
  };
}

export function borneFiche(engine: SearchEngine, id: string, now: Date): BorneFiche {
  const fiche: Fiche | undefined = engine.fiche(id);
  if (!fiche) throw new NotFoundError('Cette fiche n’existe pas ou n’est plus publiée.');
  return {
    id: fiche.id,
    titre: fiche.titre,
    resume: fiche.resume,
    themes: engine.themeRefs(fiche.themes),
    pieces_a_fournir: fiche.pieces_a_fournir,
    cout: fiche.cout,
    delai: fiche.delai,
    mise_a_jour: fiche.mise_a_jour,
    html: renderMarkdown(fiche.body),
    services: engine.servicesOf(fiche).map((contact) => contactView(contact, now)),
    complements: engine
      .complements(fiche.id)
      .map((local) => ({ id: local.id, titre: local.titre, html: renderMarkdown(local.body) })),
  };
}

export function borneService(engine: SearchEngine, id: string, now: Date): ContactView {
  const contact = engine.contact(id);
  if (!contact) throw new NotFoundError('Ce service n’existe pas.');
  return contactView(contact, now);
}
