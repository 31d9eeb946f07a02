// Receiving a complaint or a suggestion, on any channel: what it is about and how to answer the citizen. The
// details go to the core, which keeps them for the roles that handle complaints only; a refusal keeps what was
// typed and is shown beside its field.
import type { FormEvent } from 'react';
import { useState } from 'react';
import { CANAL_LABELS, JOURNAL_CANAUX } from '../../../../common/journal/codes';
import type { JournalCanal } from '../../../../common/journal/codes';
import type { ReclamationResume, TypeReclamation } from '../../../../common/reclamations/methods';
import { TYPE_LABELS, TYPES_RECLAMATION } from '../../../../common/reclamations/methods';
import { call } from '../../api';
import { SelectField, TextAreaField, TextField } from '../../ui/forms/Field';
import { FormMessage } from '../../ui/forms/FormMessage';
import { useSubmit } from '../../ui/forms/useSubmit';
import { formatDate } from '../../ui/format';

const EMPTY = { objet: '', nom: '', courriel: '', telephone: '', adresse: '' };

export function ReclamationForm({ onCreated }: { onCreated(created: ReclamationResume): void }) {
  const [type, setType] = useState<TypeReclamation>('reclamation');
  const [canal, setCanal] = useState<JournalCanal>('accueil_physique');
  const [fields, setFields] = useState(EMPTY);
  const [notice, setNotice] = useState<string | null>(null);
  const submit = useSubmit();
  const errorOf = (field: string) => (submit.error?.field === field ? submit.error.message : undefined);
  const contactError = submit.error?.field === 'coordonnees' ? submit.error.message : undefined;
  const set = (key: keyof typeof EMPTY) => (value: string) => setFields({ ...fields, [key]: value });

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setNotice(null);
    const { objet, ...coordonnees } = fields;
    await submit.run(
      () => call('reclamations.create', { type, canal, objet, coordonnees }),
      (created) => {
        setFields(EMPTY);
        setNotice(
          `${TYPE_LABELS[created.type]} n° ${created.id} enregistrée ; réponse attendue au plus tard le ${formatDate(created.echeance)}.`,
        );
        onCreated(created);
      },
    );
  };

  return (
    <section className="card" aria-labelledby="reclamation-new-title">
      <h2 id="reclamation-new-title">Nouvelle réclamation ou suggestion</h2>
      <form onSubmit={(event) => void onSubmit(event)} noValidate data-testid="reclamation-form">
        <SelectField
          id="reclamation-type"
          label="Type"
          value={type}
          onChange={(event) => setType(event.target.value as TypeReclamation)}
          options={TYPES_RECLAMATION.map((t) => ({ value: t, label: TYPE_LABELS[t] }))}
          error={errorOf('type')}
        />
        <SelectField
          id="reclamation-canal"
          label="Reçue par"
          value={canal}
          onChange={(event) => setCanal(event.target.value as JournalCanal)}
          options={JOURNAL_CANAUX.map((c) => ({ value: c, label: CANAL_LABELS[c] }))}
          error={errorOf('canal')}
        />
        <TextAreaField
          id="reclamation-objet"
          label="Objet"
          rows={4}
          value={fields.objet}
          onChange={(event) => set('objet')(event.target.value)}
          error={errorOf('objet')}
        />
        <fieldset className="form-fieldset">
          <legend>Pour répondre à l’usager (facultatif)</legend>
          <p className="hint">
            Ces coordonnées ne sont lues que par les gestionnaires, puis effacées après la durée de
            conservation.
          </p>
          <TextField
            id="reclamation-nom"
            label="Nom"
            value={fields.nom}
            onChange={(e) => set('nom')(e.target.value)}
          />
          <TextField
            id="reclamation-courriel"
            label="Courriel"
            type="email"
            value={fields.courriel}
            onChange={(e) => set('courriel')(e.target.value)}
            error={contactError}
          />
          <TextField
            id="reclamation-telephone"
            label="Téléphone"
            value={fields.telephone}
            onChange={(e) => set('telephone')(e.target.value)}
          />
          <TextField
            id="reclamation-adresse"
            label="Adresse postale"
            value={fields.adresse}
            onChange={(e) => set('adresse')(e.target.value)}
          />
        </fieldset>
        <button type="submit" className="button" disabled={submit.busy} data-testid="reclamation-submit">
          Enregistrer
        </button>
        <FormMessage>{submit.error && !submit.error.field ? submit.error.message : null}</FormMessage>
      </form>
      <p role="status" data-testid="reclamation-notice">
        {notice}
      </p>
    </section>
  );
}
