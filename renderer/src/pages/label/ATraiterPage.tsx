import { PageMain } from '../../components/PageMain';

// Placeholder until the page lands.
export function ATraiterPage() {
  return (
    <PageMain>
      <h1>À traiter</h1>
      <p>Page en construction.</p>
    </PageMain>
  );
}
