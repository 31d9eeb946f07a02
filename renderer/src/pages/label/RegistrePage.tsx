import { PageMain } from '../../components/PageMain';

// Placeholder until the page lands.
export function RegistrePage() {
  return (
    <PageMain>
      <h1>Registre des points labellisés</h1>
      <p>Page en construction.</p>
    </PageMain>
  );
}
