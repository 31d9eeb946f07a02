import { PageMain } from '../../components/PageMain';
import type { Params } from '../../router';

// Placeholder until the page lands.
export function ManquesPage(_props: { params: Params }) {
  return (
    <PageMain>
      <h1>Ce que les agents n’ont pas trouvé</h1>
      <p>Page en construction.</p>
    </PageMain>
  );
}
