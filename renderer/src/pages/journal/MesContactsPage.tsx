import { PageMain } from '../../components/PageMain';

// Placeholder until the page lands.
export function MesContactsPage() {
  return (
    <PageMain>
      <h1>Mes contacts du jour</h1>
      <p>Page en construction.</p>
    </PageMain>
  );
}
