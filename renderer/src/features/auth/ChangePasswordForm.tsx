import type { FormEvent } from 'react';
import { useState } from 'react';
import { call, toApiError } from '../../api';
import { TextField } from '../../ui/forms/Field';
import { FormMessage } from '../../ui/forms/FormMessage';
import { passwordProblem } from '../comptes/passwords';

type Name = 'actuel' | 'nouveau' | 'confirmation';

/** « Mon mot de passe »: the current one, the new one twice. The core checks the current one (with the lockout). */
export function ChangePasswordForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const [values, setValues] = useState<Record<Name, string>>({ actuel: '', nouveau: '', confirmation: '' });
  const [errors, setErrors] = useState<Partial<Record<Name, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (name: Name) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [name]: event.target.value }));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const found: Partial<Record<Name, string>> = {};
    if (!values.actuel) found.actuel = 'Saisissez votre mot de passe actuel.';
    const problem = passwordProblem(values.nouveau, values.confirmation);
    if (problem) found[problem.field === 'motDePasse' ? 'nouveau' : 'confirmation'] = problem.message;
    setErrors(found);
    setFailure(null);
    const first = (['actuel', 'nouveau', 'confirmation'] as const).find((name) => found[name]);
    if (first) {
      document.getElementById(`own-password-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await call('auth.changePassword', { actuel: values.actuel, nouveau: values.nouveau });
      onDone();
    } catch (caught) {
      setFailure(toApiError(caught).message);
      setValues((current) => ({ ...current, actuel: '' }));
      setBusy(false);
      document.getElementById('own-password-actuel')?.focus();
    }
  };

  return (
    <form
      onSubmit={(event) => void onSubmit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
      noValidate
      aria-labelledby="own-password-title"
      data-testid="own-password-form"
    >
      <h2 id="own-password-title">Mon mot de passe</h2>
      <FormMessage testId="own-password-error">{failure}</FormMessage>
      <TextField
        id="own-password-actuel"
        label="Mot de passe actuel"
        type="password"
        autoComplete="current-password"
        value={values.actuel}
        onChange={set('actuel')}
        error={errors.actuel}
        autoFocus
      />
      <TextField
        id="own-password-nouveau"
        label="Nouveau mot de passe"
        hint="Au moins 10 caractères."
        type="password"
        autoComplete="new-password"
        value={values.nouveau}
        onChange={set('nouveau')}
        error={errors.nouveau}
      />
      <TextField
        id="own-password-confirmation"
        label="Confirmation du nouveau mot de passe"
        type="password"
        autoComplete="new-password"
        value={values.confirmation}
        onChange={set('confirmation')}
        error={errors.confirmation}
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          Changer mon mot de passe
        </button>
        <button type="button" className="link-button" onClick={onCancel}>
          Annuler
        </button>
      </div>
    </form>
  );
}
