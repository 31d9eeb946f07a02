import { PageMain } from '../../components/PageMain';

// Placeholder until the page lands.
export function ComptePage(_props: { id: number | null }) {
  return (
    <PageMain>
      <h1>Compte</h1>
      <p>Page en construction.</p>
    </PageMain>
  );
}
