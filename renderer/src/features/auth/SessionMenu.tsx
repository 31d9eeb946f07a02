// The header's session menu: who is logged in and how, « Changer d'agent » (at a desk bound to a point),
// « Mon mot de passe », « Se déconnecter ».
import { useRef, useState } from 'react';
import { call, toApiError } from '../../api';
import { ChangePasswordForm } from './ChangePasswordForm';
import { useSession } from './session';
import './auth.css';

export function SessionMenu() {
  const { info, setInfo } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [passwordOpen, setPasswordOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [noPin, setNoPin] = useState<string | null>(null);
  const passwordButton = useRef<HTMLButtonElement>(null);
  const compte = info.compte;
  if (!compte) return null;

  // Logging out shows the login screen, which opens on the desk's agents when there are some.
  const logout = async () => {
    try {
      setInfo(await call('auth.logout', {}));
    } catch (caught) {
      setError(toApiError(caught).message);
    }
  };

  // « Changer d'agent » lands on the PIN panel, which lists this point's agents who have a PIN. With none, a
  // logout would only show the password form: say so and stay.
  const switchAgent = async () => {
    setError(null);
    setNotice(null);
    setNoPin(null);
    try {
      const desk = await call('auth.deskAgents', {});
      if (desk.agents.length === 0) {
        const where = desk.point?.nom ?? info.installation?.nom ?? 'ce point d’accueil';
        setNoPin(
          `Aucun agent de ${where} n’a de code PIN : personne ne peut prendre la main ici. Un administrateur peut en donner un dans Comptes ; sinon, « Se déconnecter » puis ouvrir une session avec un mot de passe.`,
        );
        return;
      }
      setInfo(await call('auth.logout', {}));
    } catch (caught) {
      setError(toApiError(caught).message);
    }
  };

  const closePassword = (message: string | null) => {
    setPasswordOpen(false);
    setNotice(message);
    passwordButton.current?.focus();
  };

  return (
    <div className="session-menu" data-testid="session-menu">
      <p className="session-who">
        <span className="session-name" data-testid="session-name">
          {compte.nom}
        </span>
        <span className="session-via" data-testid="session-via">
          {compte.via === 'pin' ? 'connecté(e) par code PIN' : 'connecté(e) par mot de passe'}
        </span>
      </p>
      <div className="session-actions">
        {info.installation && (
          <button
            type="button"
            className="link-button"
            onClick={() => void switchAgent()}
            data-testid="session-switch"
          >
            Changer d&apos;agent
          </button>
        )}
        <button
          ref={passwordButton}
          type="button"
          className="link-button"
          aria-expanded={passwordOpen}
          aria-controls="own-password-panel"
          onClick={() => {
            setNotice(null);
            setPasswordOpen((open) => !open);
          }}
          data-testid="session-password"
        >
          Mon mot de passe
        </button>
        <button
          type="button"
          className="link-button"
          onClick={() => void logout()}
          data-testid="session-logout"
        >
          Se déconnecter
        </button>
      </div>
      {noPin && (
        <div className="card password-popover" data-testid="session-switch-note">
          <p role="alert">{noPin}</p>
          <button type="button" className="button" onClick={() => setNoPin(null)}>
            Fermer
          </button>
        </div>
      )}
      {passwordOpen && (
        <div id="own-password-panel" className="card password-popover">
          <ChangePasswordForm
            onDone={() => closePassword('Votre mot de passe a été changé.')}
            onCancel={() => closePassword(null)}
          />
        </div>
      )}
      <p role="status" className="session-notice" data-testid="session-notice">
        {notice}
      </p>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
