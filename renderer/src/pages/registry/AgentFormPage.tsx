import { PageMain } from '../../components/PageMain';

// Placeholder until the page lands.
export function AgentFormPage(_props: { id: number | null }) {
  return (
    <PageMain>
      <h1>Agent</h1>
      <p>Page en construction.</p>
    </PageMain>
  );
}
