import type { SearchHit } from '../../../../common/contract';

/** Results asked per request: what the window shows first; the next ones come as the agent scrolls. */
export const PAGE_SIZE = 20;

/** The results shown with a further page after them; a fiche already shown (the index was rebuilt meanwhile) once. */
export function appendPage(shown: readonly SearchHit[], page: readonly SearchHit[]): SearchHit[] {
  const ids = new Set(shown.map((hit) => hit.id));
  return [...shown, ...page.filter((hit) => !ids.has(hit.id))];
}

/** Whether the active option is close enough to the end of what is loaded to ask for the next page. */
export function nearEnd(active: number, loaded: number, margin = 3): boolean {
  return active >= 0 && active >= loaded - margin;
}
