import { PageMain } from '../../components/PageMain';
import type { Params } from '../../router';

// Placeholder until the page lands.
export function TableauPage(_props: { params: Params }) {
  return (
    <PageMain>
      <h1>Tableau de bord</h1>
      <p>Page en construction.</p>
    </PageMain>
  );
}
