import type { FormEvent } from 'react';
import { useEffect, useState } from 'react';
import type { DeskRelie, DeskStatus } from '../../../../common/desk/methods';
import { ENROLMENT_CODE } from '../../../../common/postes/methods';
import { call, toApiError } from '../../api';
import { PageMain } from '../../ui/PageMain';
import { TextField } from '../../ui/forms/Field';
import { FormMessage } from '../../ui/forms/FormMessage';
import '../auth/auth.css';

const FIELD_ID = 'enrol-code';

/**
 * « Inscrire ce poste »: a connected desk without its credential asks for the one-time code an administrator
 * created on the server. The refusal goes beside the field, and what was typed stays.
 */
export function EnrolPage({ status, onDone }: { status: DeskRelie; onDone: (status: DeskStatus) => void }) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = "Inscrire ce poste – Info'Cité";
  }, []);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const checked = ENROLMENT_CODE.safeParse(code);
    if (!checked.success) {
      setError(checked.error.issues[0]?.message ?? 'code d’inscription invalide');
      document.getElementById(FIELD_ID)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    setFailure(null);
    try {
      onDone(await call('desk.enrol', { code: checked.data }));
    } catch (caught) {
      const apiError = toApiError(caught);
      if (apiError.field === 'code') {
        setError(apiError.message);
        document.getElementById(FIELD_ID)?.focus();
      } else setFailure(apiError.message);
      setBusy(false);
    }
  };

  return (
    <PageMain className="auth-page">
      <p className="auth-brand" aria-hidden="true">
        Info&apos;Cité
      </p>
      <h1>Inscrire ce poste</h1>
      <p>
        Ce poste est relié au serveur de la ville <strong>{status.serveur}</strong>. Saisissez le code
        d&apos;inscription que l&apos;administrateur a créé pour lui (il ne sert qu&apos;une fois).
      </p>
      <form className="card" onSubmit={(event) => void onSubmit(event)} noValidate data-testid="enrol-form">
        <FormMessage testId="enrol-failure">{failure}</FormMessage>
        <TextField
          id={FIELD_ID}
          label="Code d’inscription"
          hint="12 lettres et chiffres ; les tirets et les espaces sont ignorés."
          value={code}
          onChange={(event) => setCode(event.target.value)}
          error={error}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          autoFocus
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy} data-testid="enrol-submit">
            Inscrire ce poste
          </button>
        </div>
      </form>
    </PageMain>
  );
}
