// Files the editor shows but never writes: the importers own them and would overwrite (or, for a contact,
// stop updating) any change. The commune adds its own fiche or contact beside them instead.
import { basename } from 'node:path';
import { isGeneratedFile } from '../import/annuaire/to-contact';
import type { EditorKind } from '../../../common/redaction/codes';
import type { FrontMatter } from '../../../common/redaction/types';

export const NATIONAL_READ_ONLY = 'Cette fiche nationale est en lecture seule : ajoutez un complément local.';
export const ANNUAIRE_READ_ONLY =
  'Ce contact est importé de l’Annuaire de l’administration, en lecture seule : écrivez votre propre contact.';

/** Why the file at `path` cannot be changed from the editor, or null when it can. */
export function readOnlyReason(
  kind: EditorKind,
  path: string,
  text: string,
  frontMatter: FrontMatter,
): string | null {
  if (kind === 'fiche' && frontMatter.origine === 'national') return NATIONAL_READ_ONLY;
  if (kind === 'contact' && isGeneratedFile(basename(path), text)) return ANNUAIRE_READ_ONLY;
  return null;
}
