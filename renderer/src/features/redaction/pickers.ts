// What the pickers search: fiches (local ones, drafts included, and national ones) through editor.list, and
// services through contacts.search.
import { call } from '../../api';
import type { PickOption } from './SearchPicker';

const LIMIT = 10;

/** Local fiches (drafts too: a link to a draft is valid) then national ones matching `q`. */
export async function searchFiches(q: string, localOnly = false): Promise<PickOption[]> {
  const { items, national } = await call('redaction.list', { q, kind: 'fiche' });
  const local = items
    .filter((item) => item.kind === 'fiche')
    .slice(0, LIMIT)
    .map((item) => ({
      id: item.id,
      label: item.titre,
      detail: item.statut === 'brouillon' ? `${item.id} · brouillon` : item.id,
    }));
  if (localOnly) return local;
  return [
    ...local,
    ...national.slice(0, LIMIT).map((fiche) => ({
      id: fiche.id,
      label: fiche.titre,
      detail: `${fiche.id} · fiche nationale`,
    })),
  ];
}

export async function searchServices(q: string): Promise<PickOption[]> {
  const { results } = await call('contacts.search', { q, limit: LIMIT });
  return results.map((contact) => ({ id: contact.id, label: contact.nom, detail: contact.id }));
}
