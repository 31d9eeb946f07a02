// Creating or changing a training session: type, day, trainer, place. Attendance is entered on the
// session's own page.
import type { FormEvent } from 'react';
import { useEffect, useState } from 'react';
import { sessionFields } from '../../../../electron/api/methods/registry';
import type { ApiError } from '../../api';
import { call, toApiError } from '../../api';
import { PageMain } from '../../components/PageMain';
import { ErrorMessage, Loading } from '../../components/StatusMessages';
import { isoDay } from '../../format';
import { useCall } from '../../hooks/useCall';
import { useFocusHeading } from '../../hooks/useFocusHeading';
import { navigate } from '../../navigation';
import { focusFirstError } from './focus';
import { FormMessage, SelectField, TextField } from './RegistryFields';
import type { FieldErrors } from './registryFormat';
import { checkForm } from './registryFormat';
import './registry.css';

interface SessionForm {
  type: string;
  date: string;
  formateur: string;
  lieu: string;
}

export function FormationFormPage({ id }: { id: number | null }) {
  const types = useCall('formations.types', {});
  const [loaded, setLoaded] = useState<
    { status: 'loading' | 'ready' } | { status: 'error'; error: ApiError }
  >({ status: id === null ? 'ready' : 'loading' });
  const [form, setForm] = useState<SessionForm>({
    type: '',
    date: isoDay(new Date()),
    formateur: '',
    lieu: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const heading = useFocusHeading<HTMLHeadingElement>(loaded.status === 'ready');

  useEffect(() => {
    if (id === null) return;
    let live = true;
    call('formations.get', { id }).then(
      (session) => {
        if (!live) return;
        setForm({ type: session.type, date: session.date, formateur: session.formateur, lieu: session.lieu });
        setLoaded({ status: 'ready' });
      },
      (error: unknown) => live && setLoaded({ status: 'error', error: toApiError(error) }),
    );
    return () => {
      live = false;
    };
  }, [id]);

  const set = <K extends keyof SessionForm>(key: K, value: SessionForm[K]) =>
    setForm((current) => ({ ...current, [key]: value }));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (saving) return;
    setFailure(null);
    const checked = checkForm(sessionFields, form);
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstError();
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const saved =
        id === null
          ? await call('formations.create', checked.data)
          : await call('formations.update', { id, ...checked.data });
      navigate({ name: 'formation', id: saved.id });
    } catch (error) {
      setFailure(toApiError(error).message);
    } finally {
      setSaving(false);
    }
  };

  const title = id === null ? 'Nouvelle session de formation' : 'Modifier la session de formation';
  if (loaded.status !== 'ready')
    return (
      <PageMain>
        <h1>{title}</h1>
        {loaded.status === 'error' ? (
          <ErrorMessage error={loaded.error} />
        ) : (
          <Loading label="Chargement de la session…" />
        )}
      </PageMain>
    );

  const back = id === null ? '#/formations' : `#/formations/${id}`;
  return (
    <PageMain className="reg-page">
      <p className="back">
        <a href={back}>
          <span aria-hidden="true">← </span>
          {id === null ? 'Retour aux formations' : 'Retour à la session'}
        </a>
      </p>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <form className="card" onSubmit={(event) => void onSubmit(event)} noValidate data-testid="session-form">
        {failure && <FormMessage kind="error">{failure}</FormMessage>}
        {types.status === 'error' && <ErrorMessage error={types.error} />}
        <div className="reg-form-grid">
          <SelectField
            id="session-type"
            label="Formation"
            value={form.type}
            onChange={(e) => set('type', e.target.value)}
            error={errors.type}
            placeholder="Choisir…"
            options={
              types.status === 'ok' ? types.data.types.map((t) => ({ value: t.code, label: t.libelle })) : []
            }
            required
          />
          <TextField
            id="session-date"
            label="Date"
            type="date"
            value={form.date}
            onChange={(e) => set('date', e.target.value)}
            error={errors.date}
            required
          />
          <TextField
            id="session-formateur"
            label="Formateur ou formatrice"
            value={form.formateur}
            onChange={(e) => set('formateur', e.target.value)}
            error={errors.formateur}
          />
          <TextField
            id="session-lieu"
            label="Lieu"
            value={form.lieu}
            onChange={(e) => set('lieu', e.target.value)}
            error={errors.lieu}
          />
        </div>
        <div className="reg-actions">
          <button type="submit" className="button" disabled={saving} data-testid="session-save">
            {id === null ? 'Créer la session' : 'Enregistrer'}
          </button>
          <a href={back}>Annuler</a>
        </div>
      </form>
    </PageMain>
  );
}
