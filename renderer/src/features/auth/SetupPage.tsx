import type { FormEvent } from 'react';
import { useEffect, useState } from 'react';
import type { SessionInfo } from '../../../../common/auth/methods';
import { call, toApiError } from '../../api';
import { PageMain } from '../../ui/PageMain';
import { TextField } from '../../ui/forms/Field';
import { FormMessage } from '../../ui/forms/FormMessage';
import { PASSWORD_MIN, identifiant, nom, nouveauMotDePasse } from '../../../../common/comptes/methods';
import { apiFieldError } from '../../ui/forms/apiField';
import { checkForm } from '../../ui/forms/checkForm';
import { withConfirmation } from '../comptes/passwords';
import './auth.css';

const FIELDS = ['identifiant', 'nom', 'motDePasse', 'confirmation'] as const;
type FieldName = (typeof FIELDS)[number];

/** The fields of auth.setup, as the core checks them, and the confirmation. */
const SETUP_FORM = withConfirmation({ identifiant, nom, motDePasse: nouveauMotDePasse }, 'motDePasse');

/** First start: the administrator's account, created once; its session opens at once. */
export function SetupPage({ onDone }: { onDone: (info: SessionInfo) => void }) {
  const [values, setValues] = useState<Record<FieldName, string>>({
    identifiant: '',
    nom: '',
    motDePasse: '',
    confirmation: '',
  });
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = "Premier démarrage – Info'Cité";
  }, []);

  const set = (name: FieldName) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [name]: event.target.value }));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const checked = checkForm(SETUP_FORM, values);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) {
      const first = FIELDS.find((name) => checked.errors[name]);
      if (first) document.getElementById(`setup-${first}`)?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      onDone(
        await call('auth.setup', {
          identifiant: checked.data.identifiant,
          nom: checked.data.nom,
          motDePasse: checked.data.motDePasse,
        }),
      );
    } catch (caught) {
      const apiError = toApiError(caught);
      // The core's refusal of one field goes next to it (the same rule as the check above, if it got there).
      const onField = apiFieldError(apiError, FIELDS);
      if (onField) {
        setErrors({ [onField.field]: onField.message });
        document.getElementById(`setup-${onField.field}`)?.focus();
      } else setFailure(apiError.message);
      setBusy(false);
    }
  };

  return (
    <PageMain className="auth-page">
      <p className="auth-brand" aria-hidden="true">
        Info&apos;Cité
      </p>
      <h1>Premier démarrage</h1>
      <p>
        Créez le compte de l&apos;administrateur de cette installation. Il pourra ensuite créer les comptes
        des agents, des rédacteurs et des gestionnaires du label.
      </p>
      <form className="card" onSubmit={(event) => void onSubmit(event)} noValidate data-testid="setup-form">
        <FormMessage testId="setup-error">{failure}</FormMessage>
        <TextField
          id="setup-identifiant"
          label="Identifiant"
          hint="Sans espace : lettres, chiffres et . _ @ -"
          value={values.identifiant}
          onChange={set('identifiant')}
          error={errors.identifiant}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
          data-testid="setup-identifiant"
        />
        <TextField
          id="setup-nom"
          label="Nom"
          value={values.nom}
          onChange={set('nom')}
          error={errors.nom}
          autoComplete="name"
          data-testid="setup-nom"
        />
        <TextField
          id="setup-motDePasse"
          label="Mot de passe"
          hint={`Au moins ${PASSWORD_MIN} caractères.`}
          type="password"
          value={values.motDePasse}
          onChange={set('motDePasse')}
          error={errors.motDePasse}
          autoComplete="new-password"
          data-testid="setup-password"
        />
        <TextField
          id="setup-confirmation"
          label="Confirmation du mot de passe"
          type="password"
          value={values.confirmation}
          onChange={set('confirmation')}
          error={errors.confirmation}
          autoComplete="new-password"
          data-testid="setup-confirmation"
        />
        {Object.keys(errors).length > 0 && (
          <p className="visually-hidden" role="alert">
            Le formulaire contient des erreurs : corrigez les champs signalés.
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy} data-testid="setup-submit">
            Créer le compte administrateur
          </button>
        </div>
      </form>
    </PageMain>
  );
}
