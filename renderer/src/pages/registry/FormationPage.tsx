import { PageMain } from '../../components/PageMain';

// Placeholder until the page lands.
export function FormationPage(_props: { id: number }) {
  return (
    <PageMain>
      <h1>Session de formation</h1>
      <p>Page en construction.</p>
    </PageMain>
  );
}
