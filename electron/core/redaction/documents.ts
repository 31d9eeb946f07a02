// Finding, listing and opening the files the editors work on. The list comes from the knowledge base the
// search service holds (drafts included, at most a second behind the disk); opening reads the disk itself, so
// the version an editor starts from is the file's true state.
import { NotFoundError, RefusedError } from '../errors';
import { isWindowsDeviceName } from '../knowledge/content-files';
import { fold } from '../../../common/text';
import type { KnowledgeBase, Statut } from '../../../common/knowledge/types';
import type { EditorKind } from '../../../common/redaction/codes';
import { diskFileExists, readDiskFile } from './files';
import { splitFile } from './front-matter';
import { readOnlyReason } from './read-only';
import type { EditorDocument, EditorList, EditorListItem } from '../../../common/redaction/types';

/** What the editor works on: the folder on disk and the knowledge base read from it. */
export interface EditorContext {
  contentDir: string;
  knowledge: KnowledgeBase;
}

/** The error for a fiche or contact the editor cannot find, in French. */
export function notFound(kind: EditorKind, id: string): NotFoundError {
  return new NotFoundError(
    kind === 'fiche' ? `La fiche « ${id} » n'existe pas.` : `Le contact « ${id} » n'existe pas.`,
  );
}

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/**
 * Refuses, in French, an id that cannot name a file of the content folder: one that climbs out of it (« ../ »),
 * holds a character a file name cannot have, or is a name Windows reserves (CON, NUL, COM1…).
 */
export function checkDocumentId(id: string): void {
  if (!ID_PATTERN.test(id)) {
    throw new RefusedError(
      // eslint-disable-next-line no-control-regex -- control characters are shown as « ? » in the message
      `L'identifiant « ${id.replace(/[\u0000-\u001f\u007f]/g, '?')} » est refusé : il ne peut contenir que des lettres sans accent, des chiffres, « - » et « _ », et commence par une lettre ou un chiffre.`,
    );
  }
  if (isWindowsDeviceName(id)) {
    throw new RefusedError(
      `L'identifiant « ${id} » est refusé : c'est un nom réservé par Windows (CON, PRN, AUX, NUL, COM1…, LPT1…).`,
    );
  }
}

/** Where a new file goes: the README's layout, named after its id (refused when it cannot name a file). */
export function newFilePath(kind: EditorKind, id: string): string {
  checkDocumentId(id);
  return `${kind === 'fiche' ? 'fiches' : 'contacts'}/${id}.md`;
}

/**
 * The file of a fiche or contact: the one the knowledge base read, or (a file just written and not yet read, or
 * one the parser skipped) the file named after the id where the editor creates them. Null when neither exists.
 */
export function locate(ctx: EditorContext, kind: EditorKind, id: string): string | null {
  checkDocumentId(id);
  const items = kind === 'fiche' ? ctx.knowledge.fiches : ctx.knowledge.contacts;
  const known = items.find((item) => item.id === id);
  if (known) return known.path;
  const conventional = newFilePath(kind, id);
  return diskFileExists(ctx.contentDir, conventional) ? conventional : null;
}

export interface ListFilter {
  q?: string;
  kind?: EditorKind;
  statut?: Statut;
}

const NATIONAL_LIMIT = 20;

export function listDocuments(ctx: EditorContext, filter: ListFilter): EditorList {
  const q = fold(filter.q?.trim() ?? '');
  const matches = (...texts: Array<string | undefined>) =>
    q === '' || texts.some((text) => text !== undefined && fold(text).includes(q));
  const items: EditorListItem[] = [];
  if (filter.kind !== 'contact') {
    for (const fiche of ctx.knowledge.fiches) {
      if (fiche.origine !== 'local') continue;
      if (filter.statut && fiche.statut !== filter.statut) continue;
      if (!matches(fiche.id, fiche.titre, fiche.responsable, ...fiche.mots_cles)) continue;
      items.push({
        kind: 'fiche',
        id: fiche.id,
        titre: fiche.titre,
        statut: fiche.statut,
        responsable: fiche.responsable,
        a_revoir: fiche.a_revoir,
        path: fiche.path,
        origine: fiche.origine,
        complete: fiche.complete,
      });
    }
  }
  // Contacts have no statut: a filter on it asks for fiches.
  if (filter.kind !== 'fiche' && !filter.statut) {
    for (const contact of ctx.knowledge.contacts) {
      if (!matches(contact.id, contact.nom, contact.type)) continue;
      items.push({ kind: 'contact', id: contact.id, titre: contact.nom, path: contact.path });
    }
  }
  items.sort((a, b) => a.titre.localeCompare(b.titre, 'fr') || a.id.localeCompare(b.id));
  // National fiches are thousands: only shown for a query, to offer « ajouter un complément local ».
  const national =
    q === '' || filter.kind === 'contact'
      ? []
      : ctx.knowledge.fiches
          .filter((fiche) => fiche.origine === 'national' && matches(fiche.id, fiche.titre))
          .sort((a, b) => a.titre.localeCompare(b.titre, 'fr'))
          .slice(0, NATIONAL_LIMIT)
          .map((fiche) => ({ id: fiche.id, titre: fiche.titre, path: fiche.path }));
  return { items, national };
}

export function openDocument(ctx: EditorContext, kind: EditorKind, id: string): EditorDocument {
  const path = locate(ctx, kind, id);
  const disk = path === null ? null : readDiskFile(ctx.contentDir, path);
  if (path === null || disk === null) {
    throw notFound(kind, id);
  }
  const { frontMatter, body } = splitFile(disk.text);
  return {
    kind,
    id,
    path,
    frontMatter,
    body,
    version: disk.version,
    readOnly: readOnlyReason(kind, path, disk.text, frontMatter) !== null,
  };
}
