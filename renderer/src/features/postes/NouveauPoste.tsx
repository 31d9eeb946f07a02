// « Nouveau poste »: a desk's name and its reception point. Refusals sit beside their field and what was
// typed stays; leaving with something typed asks first.
import type { FormEvent } from 'react';
import { useState } from 'react';
import type { PosteCree } from '../../../../common/postes/methods';
import { posteFields } from '../../../../common/postes/methods';
import { call } from '../../api';
import { SelectField, TextField } from '../../ui/forms/Field';
import { FormMessage } from '../../ui/forms/FormMessage';
import { apiFieldError } from '../../ui/forms/apiField';
import { checkForm } from '../../ui/forms/checkForm';
import { useSubmit } from '../../ui/forms/useSubmit';
import { ErrorMessage } from '../../ui/StatusMessages';
import { useCall } from '../../ui/hooks/useCall';
import { useUnsavedChanges } from '../../ui/hooks/useUnsavedChanges';

const FIELDS = ['nom', 'pointId'] as const;

export function NouveauPoste({ onCreated }: { onCreated: (created: PosteCree) => void }) {
  // Only open points receive a new desk (the server refuses a closed one).
  const points = useCall('points.list', { ouvert: true });
  const [nom, setNom] = useState('');
  const [pointId, setPointId] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = useSubmit();
  // The page stays after a creation (the code is shown there): emptied fields let it be left freely.
  useUnsavedChanges(nom !== '' || pointId !== '');
  // A refusal about the point (closed meanwhile, gone) sits beside the point's field.
  const onField =
    apiFieldError(submit.error, FIELDS) ??
    (submit.error && (submit.error.code === 'refused' || submit.error.code === 'not_found')
      ? { field: 'pointId', message: submit.error.message }
      : null);
  const fieldErrors = onField ? { ...errors, [onField.field]: onField.message } : errors;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = checkForm(posteFields, { nom, pointId: pointId === '' ? undefined : Number(pointId) });
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) {
      const first = FIELDS.find((key) => checked.errors[key]);
      if (first) document.getElementById(`poste-${first}`)?.focus();
      return;
    }
    void submit.run(
      () => call('postes.create', checked.data),
      (created) => {
        setNom('');
        setPointId('');
        onCreated(created);
      },
    );
  };

  return (
    <section className="card" aria-labelledby="poste-new-title">
      <h2 id="poste-new-title">Nouveau poste</h2>
      {points.status === 'error' && <ErrorMessage error={points.error} />}
      <form onSubmit={onSubmit} noValidate data-testid="poste-form">
        <FormMessage testId="poste-error">{onField ? null : submit.error?.message}</FormMessage>
        <TextField
          id="poste-nom"
          label="Nom du poste"
          hint="Par exemple « Accueil Hôtel de ville – guichet 2 »."
          value={nom}
          onChange={(event) => setNom(event.target.value)}
          error={fieldErrors.nom}
          autoComplete="off"
          maxLength={120}
        />
        <SelectField
          id="poste-pointId"
          label="Point d’accueil"
          placeholder="Choisir le point d’accueil…"
          options={
            points.status === 'ok'
              ? points.data.points.map((point) => ({ value: String(point.id), label: point.nom }))
              : []
          }
          value={pointId}
          onChange={(event) => setPointId(event.target.value)}
          error={fieldErrors.pointId}
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={submit.busy} data-testid="poste-submit">
            Créer le poste
          </button>
        </div>
      </form>
    </section>
  );
}
