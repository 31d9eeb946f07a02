import { useCallback, useEffect, useLayoutEffect, useState } from 'react';
import type { SessionInfo } from '../../common/auth/methods';
import { call, toApiError } from './api';
import type { ApiError } from './api';
import { Header } from './ui/Header';
import { OutcomeBar } from './features/journal/OutcomeBar';
import { PageMain } from './ui/PageMain';
import { DemandeProvider } from './features/journal/demande';
import { IndexStatusContext, usePolledIndexStatus } from './ui/hooks/indexStatus';
import { useGlobalShortcuts } from './ui/hooks/useGlobalShortcuts';
import { rememberRoute, useRoute } from './navigation';
import { formatRoute } from './router';
import { SESSION_ENDED_EVENT, SessionContext, hasRole } from './features/auth/session';
import { LoginPage } from './features/auth/LoginPage';
import { SetupPage } from './features/auth/SetupPage';
import { EnrolPage } from './features/desk/EnrolPage';
import type { DeskRelie } from '../../common/desk/methods';
import { mayOpen, menuFor, pageOf, sectionOf, titleOf } from './routes';

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

  const title = titleOf(route);
  useEffect(() => {
    document.title = title;
  }, [title]);

  const roles = info.compte?.roles ?? null;
  const allowed = mayOpen(roles, route);
  // The demande (the contact in progress) belongs to the person logged in: a new account (an agent switch) starts afresh.
  const logsContacts = hasRole(info, 'agent') && info.installation !== null;
  return (
    <IndexStatusContext value={indexStatus}>
      <DemandeProvider key={info.compte?.id ?? 0} enabled={logsContacts}>
        <Header menu={menuFor(roles)} section={sectionOf(route)} />
        {allowed ? pageOf(route) : <Forbidden />}
        <OutcomeBar route={route} />
      </DemandeProvider>
    </IndexStatusContext>
  );
}

type Loaded =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'enrol'; desk: DeskRelie }
  | { status: 'ok'; info: SessionInfo };

export function App() {
  const [state, setState] = useState<Loaded>({ status: 'loading' });
  const setInfo = useCallback((info: SessionInfo) => setState({ status: 'ok', info }), []);

  const load = useCallback(() => {
    // A connected desk without its credential can do nothing before its enrolment.
    call('desk.status', {})
      .then(async (desk) => {
        if (desk.mode === 'relie' && !desk.inscrit) setState({ status: 'enrol', desk });
        else setInfo(await call('auth.session', {}));
      })
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
  if (state.status === 'enrol') return <EnrolPage status={state.desk} onDone={load} />;
  const { info } = state;
  if (info.setupNeeded) return <SetupPage onDone={setInfo} />;
  if (!info.compte) return <LoginPage onDone={setInfo} />;
  return (
    <SessionContext value={{ info, setInfo }}>
      <Desk info={info} />
    </SessionContext>
  );
}
