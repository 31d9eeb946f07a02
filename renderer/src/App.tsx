import { useCallback, useEffect, useLayoutEffect, useState } from 'react';
import type { SessionInfo } from '../../common/auth/methods';
import { grants } from '../../common/roles';
import { call, toApiError } from './api';
import type { ApiError } from './api';
import { ROUTE_ACCESS } from './access';
import { Header } from './ui/Header';
import { OutcomeBar } from './features/journal/OutcomeBar';
import { PageMain } from './ui/PageMain';
import { ContactSessionProvider } from './features/journal/demande';
import { IndexStatusContext, usePolledIndexStatus } from './ui/hooks/indexStatus';
import { useGlobalShortcuts } from './ui/hooks/useGlobalShortcuts';
import { rememberRoute, useRoute } from './navigation';
import { AuditPage } from './features/audit/AuditPage';
import { ComptePage } from './features/comptes/ComptePage';
import { ComptesPage } from './features/comptes/ComptesPage';
import { LoginPage } from './features/auth/LoginPage';
import { SetupPage } from './features/auth/SetupPage';
import { ReglagesPage } from './features/admin/ReglagesPage';
import { AnnuairePage } from './features/contacts/AnnuairePage';
import { ContactPage } from './features/contacts/ContactPage';
import { FichePage } from './features/fiches/FichePage';
import { ImportPage } from './features/import/ImportPage';
import { EditorPage } from './features/redaction/EditorPage';
import { ManquesPage } from './features/redaction/ManquesPage';
import { RedactionPage } from './features/redaction/RedactionPage';
import { RevisionPage } from './features/redaction/RevisionPage';
import { VocabulairePage } from './features/redaction/VocabulairePage';
import { BilanPage } from './features/indicateurs/BilanPage';
import { TableauPage } from './features/indicateurs/TableauPage';
import { MesContactsPage } from './features/journal/MesContactsPage';
import { ATraiterPage } from './features/label/ATraiterPage';
import { LabelReglagesPage } from './features/label/LabelReglagesPage';
import { PointPage } from './features/points/PointPage';
import { PointsPage } from './features/points/PointsPage';
import { RegistrePage } from './features/label/RegistrePage';
import { NotFoundPage } from './ui/NotFoundPage';
import { ProblemsPage } from './features/content/ProblemesPage';
import { AgentFormPage } from './features/agents/AgentFormPage';
import { AgentPage } from './features/agents/AgentPage';
import { AgentsImportPage } from './features/agents/AgentsImportPage';
import { AgentsPage } from './features/agents/AgentsPage';
import { FormationFormPage } from './features/formations/FormationFormPage';
import { FormationPage } from './features/formations/FormationPage';
import { FormationsPage } from './features/formations/FormationsPage';
import { PointFormPage } from './features/points/PointFormPage';
import { SearchPage } from './features/search/SearchPage';
import type { Route } from './router';
import { formatRoute } from './router';
import { SESSION_ENDED_EVENT, SessionContext, hasRole } from './features/auth/session';

const TITLES: Record<Route['name'], string> = {
  search: 'Recherche',
  fiche: 'Fiche',
  annuaire: 'Annuaire des services',
  contact: 'Service',
  problemes: 'Problèmes de contenu',
  import: 'Import des fiches Service-Public.fr',
  points: "Points d'accueil",
  point: "Point d'accueil",
  pointForm: "Point d'accueil",
  agents: 'Agents',
  agent: 'Agent',
  agentForm: 'Agent',
  agentsImport: 'Import des agents',
  formations: 'Formations',
  formation: 'Session de formation',
  formationForm: 'Session de formation',
  aTraiter: 'À traiter',
  registre: 'Registre des points labellisés',
  labelReglages: 'Règles du label',
  comptes: 'Comptes',
  compte: 'Compte',
  audit: "Journal d'audit",
  reglages: 'Réglages',
  tableau: 'Tableau de bord',
  bilan: 'Bilan annuel',
  mesContacts: 'Mes contacts du jour',
  redaction: 'Rédaction',
  editeur: 'Éditeur',
  revision: 'Fiches à revoir',
  manques: 'Ce que les agents n’ont pas trouvé',
  vocabulaire: 'Synonymes et thèmes',
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
    case 'points':
      return <PointsPage params={route.params} />;
    case 'point':
      return <PointPage key={route.id} id={route.id} />;
    case 'pointForm':
      return <PointFormPage key={route.id ?? 'nouveau'} id={route.id} />;
    case 'agents':
      return <AgentsPage params={route.params} />;
    case 'agent':
      return <AgentPage key={route.id} id={route.id} />;
    case 'agentForm':
      return <AgentFormPage key={route.id ?? 'nouveau'} id={route.id} />;
    case 'agentsImport':
      return <AgentsImportPage />;
    case 'formations':
      return <FormationsPage params={route.params} />;
    case 'formation':
      return <FormationPage key={route.id} id={route.id} />;
    case 'formationForm':
      return <FormationFormPage key={route.id ?? 'nouvelle'} id={route.id} />;
    case 'aTraiter':
      return <ATraiterPage />;
    case 'registre':
      return <RegistrePage />;
    case 'labelReglages':
      return <LabelReglagesPage />;
    case 'comptes':
      return <ComptesPage />;
    case 'compte':
      return <ComptePage key={route.id ?? 'nouveau'} id={route.id} />;
    case 'audit':
      return <AuditPage params={route.params} />;
    case 'reglages':
      return <ReglagesPage />;
    case 'tableau':
      return <TableauPage params={route.params} />;
    case 'bilan':
      return <BilanPage params={route.params} />;
    case 'mesContacts':
      return <MesContactsPage />;
    case 'redaction':
      return <RedactionPage params={route.params} />;
    case 'editeur':
      return (
        <EditorPage
          key={`${route.kind}/${route.id ?? ''}`}
          kind={route.kind}
          id={route.id}
          params={route.params}
        />
      );
    case 'revision':
      return <RevisionPage />;
    case 'manques':
      return <ManquesPage params={route.params} />;
    case 'vocabulaire':
      return <VocabulairePage />;
    case 'notFound':
      return <NotFoundPage />;
  }
}

function Forbidden() {
  return (
    <PageMain>
      <h1>Accès réservé</h1>
      <p>
        Cette page est réservée à un autre rôle que le vôtre. Demandez à votre administrateur si vous en avez
        besoin.
      </p>
      <p>
        <a href="#/">Revenir à la recherche</a>
      </p>
    </PageMain>
  );
}

/** The app once someone is logged in. */
function Desk({ info }: { info: SessionInfo }) {
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

  const allowed = grants(info.compte?.roles ?? null, ROUTE_ACCESS[route.name]);
  // The contact in progress belongs to the person logged in: a new account (an agent switch) starts afresh.
  const logsContacts = hasRole(info, 'agent') && info.installation !== null;
  return (
    <IndexStatusContext value={indexStatus}>
      <ContactSessionProvider key={info.compte?.id ?? 0} enabled={logsContacts}>
        <Header route={route} />
        {allowed ? <Page route={route} /> : <Forbidden />}
        <OutcomeBar route={route} />
      </ContactSessionProvider>
    </IndexStatusContext>
  );
}

type Loaded =
  { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ok'; info: SessionInfo };

export function App() {
  const [state, setState] = useState<Loaded>({ status: 'loading' });
  const setInfo = useCallback((info: SessionInfo) => setState({ status: 'ok', info }), []);

  const load = useCallback(() => {
    call('auth.session', {})
      .then(setInfo)
      .catch((error: unknown) => setState({ status: 'error', error: toApiError(error) }));
  }, [setInfo]);

  useEffect(() => {
    load();
    window.addEventListener(SESSION_ENDED_EVENT, load);
    return () => window.removeEventListener(SESSION_ENDED_EVENT, load);
  }, [load]);

  if (state.status === 'loading') {
    return (
      <PageMain>
        <p role="status">Chargement d&apos;Info&apos;Cité…</p>
      </PageMain>
    );
  }
  if (state.status === 'error') {
    return (
      <PageMain>
        <h1>Info&apos;Cité ne répond pas</h1>
        <p role="alert">{state.error.message}</p>
        <button type="button" className="button" onClick={load}>
          Réessayer
        </button>
      </PageMain>
    );
  }
  const { info } = state;
  if (info.setupNeeded) return <SetupPage onDone={setInfo} />;
  if (!info.compte) return <LoginPage onDone={setInfo} />;
  return (
    <SessionContext value={{ info, setInfo }}>
      <Desk info={info} />
    </SessionContext>
  );
}
