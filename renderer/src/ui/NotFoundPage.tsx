import { PageMain } from './PageMain';

export function NotFoundPage() {
  return (
    <PageMain>
      <h1>Page introuvable</h1>
      <p>Cette adresse ne correspond à aucune page d&apos;Info&apos;Cité.</p>
      <p>
        <a href="#/">Revenir à la recherche</a>
      </p>
    </PageMain>
  );
}
