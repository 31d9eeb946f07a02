import { PageMain } from '../../components/PageMain';

// Placeholder until the page lands.
export function FormationFormPage(_props: { id: number | null }) {
  return (
    <PageMain>
      <h1>Session de formation</h1>
      <p>Page en construction.</p>
    </PageMain>
  );
}
