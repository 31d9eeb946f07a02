import { PageMain } from '../../components/PageMain';

// Placeholder until the page lands.
export function RevisionPage() {
  return (
    <PageMain>
      <h1>Fiches à revoir</h1>
      <p>Page en construction.</p>
    </PageMain>
  );
}
