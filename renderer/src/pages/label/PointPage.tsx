import { PageMain } from '../../components/PageMain';

// Placeholder until the page lands.
export function PointPage(_props: { id: number }) {
  return (
    <PageMain>
      <h1>Point d'accueil</h1>
      <p>Page en construction.</p>
    </PageMain>
  );
}
