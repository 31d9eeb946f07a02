import { PageMain } from '../../components/PageMain';

// Placeholder until the page lands.
export function AgentPage(_props: { id: number }) {
  return (
    <PageMain>
      <h1>Agent</h1>
      <p>Page en construction.</p>
    </PageMain>
  );
}
