import { PageMain } from '../../components/PageMain';
import type { Params } from '../../router';

// Placeholder until the page lands.
export function EditorPage(_props: { kind: 'fiche' | 'contact'; id: string | null; params: Params }) {
  return (
    <PageMain>
      <h1>Éditeur</h1>
      <p>Page en construction.</p>
    </PageMain>
  );
}
