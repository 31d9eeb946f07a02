import { PageMain } from '../../components/PageMain';

// Placeholder until the page lands.
export function VocabulairePage() {
  return (
    <PageMain>
      <h1>Synonymes et thèmes</h1>
      <p>Page en construction.</p>
    </PageMain>
  );
}
