import type { FormEvent } from 'react';
import { useRef, useState } from 'react';
import type { SessionInfo } from '../../../../common/auth/methods';
import { motDePasse as motDePasseField } from '../../../../common/comptes/methods';
import { call, toApiError } from '../../api';
import { checkField } from '../../ui/forms/checkForm';
import { TextField } from '../../ui/forms/Field';
import { FormMessage } from '../../ui/forms/FormMessage';
import { retrySeconds, useRetryCountdown, waitLabel } from './retry';

/** Identifiant and password. A refusal keeps the identifiant, empties the password and says why at the top. */
export function PasswordLogin({
  onDone,
  onPin,
}: {
  onDone: (info: SessionInfo) => void;
  /** Back to the desk's agents, when this installation has some. */
  onPin?: () => void;
}) {
  const [identifiant, setIdentifiant] = useState('');
  const [motDePasse, setMotDePasse] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // After repeated failures the core makes the person wait: counted down, the button disabled meanwhile.
  const countdown = useRetryCountdown();
  const identifiantRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy || countdown.remaining > 0) return;
    if (!identifiant.trim()) {
      setError('Saisissez votre identifiant.');
      identifiantRef.current?.focus();
      return;
    }
    const problem = checkField(motDePasseField, motDePasse);
    if (problem) {
      setError(problem);
      passwordRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onDone(await call('auth.login', { identifiant: identifiant.trim(), motDePasse }));
    } catch (caught) {
      const apiError = toApiError(caught);
      setError(apiError.message);
      countdown.wait(retrySeconds(apiError));
      setMotDePasse('');
      setBusy(false);
      passwordRef.current?.focus();
    }
  };

  return (
    <form className="card" onSubmit={(event) => void onSubmit(event)} noValidate data-testid="login-form">
      <h2>Identifiant et mot de passe</h2>
      <FormMessage testId="login-error">{error}</FormMessage>
      <TextField
        id="login-identifiant"
        label="Identifiant"
        inputRef={identifiantRef}
        value={identifiant}
        onChange={(event) => setIdentifiant(event.target.value)}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        autoFocus
        data-testid="login-identifiant"
      />
      <TextField
        id="login-password"
        label="Mot de passe"
        type="password"
        inputRef={passwordRef}
        value={motDePasse}
        onChange={(event) => setMotDePasse(event.target.value)}
        autoComplete="current-password"
        data-testid="login-password"
      />
      <div className="form-actions">
        <button
          type="submit"
          className="button"
          disabled={busy || countdown.remaining > 0}
          aria-describedby={countdown.remaining > 0 ? 'login-wait' : undefined}
          data-testid="login-submit"
        >
          Se connecter
        </button>
        {countdown.remaining > 0 && (
          <span id="login-wait" className="hint" data-testid="login-wait">
            {waitLabel(countdown.remaining)}
          </span>
        )}
        {onPin && (
          <button type="button" className="link-button" onClick={onPin} data-testid="login-to-pin">
            Choisir mon nom et saisir mon code PIN
          </button>
        )}
      </div>
    </form>
  );
}
