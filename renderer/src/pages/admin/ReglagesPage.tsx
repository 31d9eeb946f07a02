import { PageMain } from '../../components/PageMain';

// Placeholder until the page lands.
export function ReglagesPage() {
  return (
    <PageMain>
      <h1>Réglages</h1>
      <p>Page en construction.</p>
    </PageMain>
  );
}
