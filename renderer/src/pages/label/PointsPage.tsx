import { PageMain } from '../../components/PageMain';
import type { Params } from '../../router';

// Placeholder until the page lands.
export function PointsPage(_props: { params: Params }) {
  return (
    <PageMain>
      <h1>Points d'accueil</h1>
      <p>Page en construction.</p>
    </PageMain>
  );
}
