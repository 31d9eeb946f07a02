// Creating or changing a training session: type, day, trainer, place. Attendance is entered on the
// session's own page.
import type { FormEvent } from 'react';
import { formationFields } from '../../../../common/formations/methods';
import { call } from '../../api';
import { SelectField, TextField } from '../../ui/forms/Field';
import { FormMessage } from '../../ui/forms/FormMessage';
import { NotReady } from '../../ui/forms/NotReady';
import { ParentLink } from '../../ui/forms/ParentLink';
import { SubmitBar } from '../../ui/forms/SubmitBar';
import { useRecordForm } from '../../ui/forms/useRecordForm';
import { PageMain } from '../../ui/PageMain';
import { ErrorMessage } from '../../ui/StatusMessages';
import { isoDay } from '../../ui/format';
import { useCall } from '../../ui/hooks/useCall';
import { navigate } from '../../navigation';
import '../../ui/registres.css';

interface SessionForm {
  type: string;
  date: string;
  formateur: string;
  lieu: string;
}

const loadSession = (id: number): Promise<SessionForm> =>
  call('formations.get', { id }).then((session) => ({
    type: session.type,
    date: session.date,
    formateur: session.formateur,
    lieu: session.lieu,
  }));

export function FormationFormPage({ id }: { id: number | null }) {
  const types = useCall('formations.types', {});
  const { loaded, form, set, errors, failure, saving, heading, submit } = useRecordForm<SessionForm>(
    id,
    { type: '', date: isoDay(new Date()), formateur: '', lieu: '' },
    loadSession,
  );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submit(formationFields, form, async (data) => {
      const saved =
        id === null
          ? await call('formations.create', data)
          : await call('formations.update', { id, ...data });
      navigate({ name: 'formation', id: saved.id });
    });
  };

  const title = id === null ? 'Nouvelle session de formation' : 'Modifier la session de formation';
  if (loaded.status !== 'ready')
    return <NotReady title={title} state={loaded} loadingLabel="Chargement de la session…" />;

  const back = id === null ? '#/formations' : `#/formations/${id}`;
  return (
    <PageMain className="reg-page">
      <ParentLink href={back}>{id === null ? 'Retour aux formations' : 'Retour à la session'}</ParentLink>
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
        <SubmitBar
          className="reg-actions"
          label={id === null ? 'Créer la session' : 'Enregistrer'}
          busy={saving}
          cancelHref={back}
          testId="session-save"
        />
      </form>
    </PageMain>
  );
}
