import type { FormEvent, KeyboardEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import type { DeskAgent, SessionInfo } from '../../../../common/auth/methods';
import { pin as pinField } from '../../../../common/comptes/methods';
import { call, toApiError } from '../../api';
import { checkField } from '../../ui/forms/checkForm';
import { moveActive } from '../../ui/keys';
import { TextField } from '../../ui/forms/Field';
import { FormMessage } from '../../ui/forms/FormMessage';
import { retrySeconds, useRetryCountdown, waitLabel } from './retry';

const MOVES: Record<string, 1 | -1> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };

/**
 * The shared desk's switch: the agents of this point as buttons (arrow keys move, Entrée picks), then the PIN
 * (Entrée opens the session). One roving tab stop, so Tab leaves the list at once.
 */
export function PinLogin({
  point,
  agents,
  onDone,
  onPassword,
}: {
  point: { id: number; nom: string };
  agents: DeskAgent[];
  onDone: (info: SessionInfo) => void;
  onPassword: () => void;
}) {
  const [chosen, setChosen] = useState<DeskAgent | null>(null);
  const [active, setActive] = useState(0);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // After repeated failures the core makes the person wait: counted down, the button disabled meanwhile.
  const countdown = useRetryCountdown();
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);
  const pinRef = useRef<HTMLInputElement>(null);

  // The list takes the focus when it appears (at start, after « Changer d'agent », back from the PIN).
  useEffect(() => {
    if (!chosen) buttons.current[active]?.focus();
    // Only when the list comes back, not on each arrow key (those move the focus themselves).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chosen]);

  const onListKey = (event: KeyboardEvent<HTMLUListElement>) => {
    let next: number | null = null;
    if (event.key in MOVES) next = moveActive(active, MOVES[event.key] ?? 1, agents.length);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = agents.length - 1;
    if (next === null) return;
    event.preventDefault();
    setActive(next);
    buttons.current[next]?.focus();
  };

  const choose = (agent: DeskAgent, index: number) => {
    setActive(index);
    setChosen(agent);
    setPin('');
    setError(null);
  };

  const back = () => {
    setChosen(null);
    setPin('');
    setError(null);
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!chosen || busy || countdown.remaining > 0) return;
    const problem = checkField(pinField, pin);
    if (problem) {
      setError(problem);
      pinRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onDone(await call('auth.pinLogin', { compteId: chosen.compteId, pin }));
    } catch (caught) {
      const apiError = toApiError(caught);
      setError(apiError.message);
      countdown.wait(retrySeconds(apiError));
      setPin('');
      setBusy(false);
      pinRef.current?.focus();
    }
  };

  return (
    <section className="card" aria-labelledby="pin-title" data-testid="pin-panel">
      <h2 id="pin-title">Agents de « {point.nom} »</h2>
      {chosen ? (
        <form onSubmit={(event) => void onSubmit(event)} noValidate data-testid="pin-form">
          <FormMessage testId="pin-error">{error}</FormMessage>
          <TextField
            id="pin-code"
            label={`Code PIN de ${chosen.nom}`}
            className="text-input pin-input"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={8}
            inputRef={pinRef}
            value={pin}
            onChange={(event) => setPin(event.target.value.replace(/\D/g, ''))}
            onKeyDown={(event) => {
              if (event.key === 'Escape') back();
            }}
            autoFocus
            data-testid="pin-input"
          />
          <div className="form-actions">
            <button
              type="submit"
              className="button"
              disabled={busy || countdown.remaining > 0}
              aria-describedby={countdown.remaining > 0 ? 'pin-wait' : undefined}
              data-testid="pin-submit"
            >
              Ouvrir ma session
            </button>
            {countdown.remaining > 0 && (
              <span id="pin-wait" className="hint" data-testid="pin-wait">
                {waitLabel(countdown.remaining)}
              </span>
            )}
            <button type="button" className="link-button" onClick={back} data-testid="pin-back">
              Choisir un autre nom
            </button>
          </div>
        </form>
      ) : (
        <>
          <p id="pin-help" className="hint">
            Choisissez votre nom (flèches puis Entrée), puis saisissez votre code PIN.
          </p>
          <ul
            className="desk-agents"
            aria-describedby="pin-help"
            onKeyDown={onListKey}
            data-testid="desk-agents"
          >
            {agents.map((agent, index) => (
              <li key={agent.compteId}>
                <button
                  ref={(element) => {
                    buttons.current[index] = element;
                  }}
                  type="button"
                  className="desk-agent"
                  tabIndex={index === active ? 0 : -1}
                  onClick={() => choose(agent, index)}
                  onFocus={() => setActive(index)}
                  data-testid="desk-agent"
                >
                  {agent.nom}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <button type="button" className="link-button" onClick={onPassword} data-testid="login-to-password">
          Se connecter avec un identifiant et un mot de passe
        </button>
      </p>
    </section>
  );
}
