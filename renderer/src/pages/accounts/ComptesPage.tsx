import { PageMain } from '../../components/PageMain';

// Placeholder until the page lands.
export function ComptesPage() {
  return (
    <PageMain>
      <h1>Comptes</h1>
      <p>Page en construction.</p>
    </PageMain>
  );
}
