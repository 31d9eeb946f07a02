import { PageMain } from '../../components/PageMain';

// Placeholder until the page lands.
export function LabelReglagesPage() {
  return (
    <PageMain>
      <h1>Règles du label</h1>
      <p>Page en construction.</p>
    </PageMain>
  );
}
