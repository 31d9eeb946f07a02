import { PageMain } from '../../components/PageMain';

// Placeholder until the page lands.
export function AgentsImportPage() {
  return (
    <PageMain>
      <h1>Import des agents</h1>
      <p>Page en construction.</p>
    </PageMain>
  );
}
