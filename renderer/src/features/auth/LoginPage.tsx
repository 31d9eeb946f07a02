import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../common/contract';
import type { SessionInfo } from '../../../../common/auth/methods';
import { call } from '../../api';
import { PageMain } from '../../ui/PageMain';
import { Loading } from '../../ui/StatusMessages';
import { PasswordLogin } from './PasswordLogin';
import { PinLogin } from './PinLogin';
import './auth.css';

type Desk = OutputOf<'auth.deskAgents'>;

// The desk's agents as last read: after « Changer d'agent » the PIN panel shows at once, and is refreshed behind.
let lastDesk: Desk | null = null;

/**
 * The login screen. At a desk bound to a point whose agents have a PIN, the agents' names come first (switching
 * must take seconds); the password form is one click away, and is the only form elsewhere.
 */
export function LoginPage({ onDone }: { onDone: (info: SessionInfo) => void }) {
  const [desk, setDesk] = useState<Desk | null>(lastDesk);
  const [mode, setMode] = useState<'pin' | 'password' | null>(null);

  useEffect(() => {
    let live = true;
    const show = (answer: Desk) => {
      lastDesk = answer;
      if (live) setDesk(answer);
    };
    // Without the desk's agents, the password form still works.
    call('auth.deskAgents', {}).then(show, () => show({ point: null, agents: [] }));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    document.title = "Identification – Info'Cité";
  }, []);

  const hasDesk = desk !== null && desk.point !== null && desk.agents.length > 0;
  const showPin = hasDesk && mode !== 'password';

  return (
    <PageMain className="auth-page">
      <p className="auth-brand" aria-hidden="true">
        Info&apos;Cité
      </p>
      <h1>Identification</h1>
      {desk === null ? (
        <Loading label="Chargement…" />
      ) : showPin && desk.point ? (
        <PinLogin
          point={desk.point}
          agents={desk.agents}
          onDone={onDone}
          onPassword={() => setMode('password')}
        />
      ) : (
        <PasswordLogin onDone={onDone} onPin={hasDesk ? () => setMode('pin') : undefined} />
      )}
    </PageMain>
  );
}
