import type { FormEvent } from 'react';
import { useState } from 'react';
import { call, toApiError } from '../../api';
import { TextField } from '../../ui/forms/Field';
import { FormMessage } from '../../ui/forms/FormMessage';
import { PASSWORD_MIN, motDePasse, nouveauMotDePasse } from '../../../../common/comptes/methods';
import { checkForm } from '../../ui/forms/checkForm';
import { withConfirmation } from '../comptes/passwords';

const FIELDS = ['actuel', 'nouveau', 'confirmation'] as const;
type Name = (typeof FIELDS)[number];

/** The fields of auth.changePassword, as the core checks them, and the confirmation. */
const CHANGE_FORM = withConfirmation({ actuel: motDePasse, nouveau: nouveauMotDePasse }, 'nouveau');

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
    const checked = checkForm(CHANGE_FORM, values);
    setErrors(checked.ok ? {} : checked.errors);
    setFailure(null);
    if (!checked.ok) {
      const first = FIELDS.find((name) => checked.errors[name]);
      if (first) document.getElementById(`own-password-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await call('auth.changePassword', { actuel: checked.data.actuel, nouveau: checked.data.nouveau });
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
        hint={`Au moins ${PASSWORD_MIN} caractères.`}
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
