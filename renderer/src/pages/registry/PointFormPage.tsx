import { PageMain } from '../../components/PageMain';

// Placeholder until the page lands.
export function PointFormPage(_props: { id: number | null }) {
  return (
    <PageMain>
      <h1>Point d'accueil</h1>
      <p>Page en construction.</p>
    </PageMain>
  );
}
