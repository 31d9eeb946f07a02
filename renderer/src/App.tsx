import { useEffect, useLayoutEffect } from 'react';
import { Header } from './components/Header';
import { IndexStatusContext, usePolledIndexStatus } from './hooks/indexStatus';
import { useGlobalShortcuts } from './hooks/useGlobalShortcuts';
import { rememberRoute, useRoute } from './navigation';
import { AnnuairePage } from './pages/AnnuairePage';
import { ContactPage } from './pages/ContactPage';
import { FichePage } from './pages/FichePage';
import { ImportPage } from './pages/ImportPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { ProblemsPage } from './pages/ProblemsPage';
import { SearchPage } from './pages/SearchPage';
import type { Route } from './router';
import { formatRoute } from './router';

const TITLES: Record<Route['name'], string> = {
  search: 'Recherche',
  fiche: 'Fiche',
  annuaire: 'Annuaire des services',
  contact: 'Service',
  problemes: 'Problèmes de contenu',
  import: 'Import des fiches Service-Public.fr',
  notFound: 'Page introuvable',
};

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'search':
      return <SearchPage route={route} />;
    case 'fiche':
      return <FichePage key={route.id} id={route.id} />;
    case 'annuaire':
      return <AnnuairePage q={route.q} />;
    case 'contact':
      return <ContactPage key={route.id} id={route.id} />;
    case 'problemes':
      return <ProblemsPage />;
    case 'import':
      return <ImportPage />;
    case 'notFound':
      return <NotFoundPage />;
  }
}

export function App() {
  const route = useRoute();
  const indexStatus = usePolledIndexStatus();
  const hash = formatRoute(route);
  useGlobalShortcuts(route);

  useEffect(() => {
    rememberRoute(route);
    // `route` is a fresh object on every render; its hash says when it really changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hash]);

  // A new page starts at its top; the search page restores its own scroll position.
  useLayoutEffect(() => {
    if (route.name !== 'search') window.scrollTo(0, 0);
  }, [route.name, hash]);

  useEffect(() => {
    document.title = `${TITLES[route.name]} – Info'Cité`;
  }, [route.name]);

  return (
    <IndexStatusContext value={indexStatus}>
      <Header route={route} />
      <Page route={route} />
    </IndexStatusContext>
  );
}
