// The editor's page: a fiche (new, local, or a national one shown read-only) or a contact.
import type { Params } from '../../router';
import { ContactEditor } from './ContactEditor';
import { FicheEditor } from './FicheEditor';

export function EditeurPage({
  kind,
  id,
  params,
}: {
  kind: 'fiche' | 'contact';
  id: string | null;
  params: Params;
}) {
  return kind === 'fiche' ? <FicheEditor id={id} params={params} /> : <ContactEditor id={id} />;
}
