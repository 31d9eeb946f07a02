// The contact (service) editor: every front-matter key of content/README.md § 4.2 as a field — the address in
// its parts, the hours one line per weekday (« 08:30-12:00, 13:30-17:00 »), the exceptional closures as rows —
// then the short body.
import { SelectField, TextField } from '../../ui/forms/Field';
import { NotReady } from '../../ui/forms/NotReady';
import { CANAL_LABELS, ENTITE_LABELS, WEEKDAY_LABELS } from '../../ui/format';
import { formatRoute } from '../../router';
import { CANAUX, ENTITES, WEEKDAYS } from '../../../../common/knowledge/types';
import type { ContactForm, FermetureForm } from './editorForm';
import { contactForm, contactFrontMatter } from './editorForm';
import { Choices, FieldGroup, NameAndIdFields, boundFields, toggled } from './editorFields';
import { EditorFrame } from './EditorFrame';
import { feedback, fieldId } from './fieldFeedback';
import type { FormCodec } from './useEditorDocument';
import { useEditorDocument } from './useEditorDocument';

const CODEC: FormCodec<ContactForm> = { fromFrontMatter: contactForm, toFrontMatter: contactFrontMatter };

const FIELD_KEYS = [
  'nom',
  'id',
  'type',
  'entite',
  'adresse.voie',
  'adresse.complement',
  'adresse.code_postal',
  'adresse.commune',
  'adresse',
  'telephone',
  'courriel',
  'site',
  'canaux',
  ...WEEKDAYS.map((day) => `horaires.${day}`),
  'horaires',
  'horaires_note',
  'fermetures',
  'accessibilite',
];

const NO_FERMETURE: FermetureForm = { du: '', au: '', motif: '' };

export function ContactEditor({ id }: { id: string | null }) {
  const state = useEditorDocument('contact', id, CODEC, () => ({ form: contactForm({}), body: '' }));
  const { form, set, problems } = state;
  const isNew = id === null;
  if (state.load.status !== 'ready') {
    return <NotReady title="Contact" state={state.load} loadingLabel="Ouverture du contact…" />;
  }

  const { text } = boundFields(form, set, problems);

  // A closure's row is a small form of its own, bound like the contact's fields.
  const fermetureFields = (fermeture: FermetureForm, index: number) =>
    boundFields(
      fermeture,
      (key, value) =>
        set(
          'fermetures',
          form.fermetures.map((item, i) => (i === index ? { ...item, [key]: value } : item)),
        ),
      problems,
    );

  // The groups show their own problems (« adresse » missing as a whole); their fields show the nested ones.
  const own = (key: string, hint?: string) =>
    feedback(
      problems.filter((p) => p.field === key || new RegExp(`^${key}\\.\\d+$`).test(p.field)),
      key,
      hint,
    );
  const adresseState = own('adresse');
  const horairesState = own(
    'horaires',
    'Pour chaque jour, les plages « HH:MM-HH:MM » séparées par des virgules ; un jour vide est un jour fermé.',
  );
  const fermeturesState = own('fermetures');

  const fields = (
    <div className="card ed-grid">
      <NameAndIdFields
        nameKey="nom"
        nameLabel="Nom du service"
        name={form.nom}
        onName={(value) => set('nom', value)}
        id={form.id}
        onId={(value) => set('id', value)}
        isNew={isNew}
        problems={problems}
        idHint={{
          isNew: 'Minuscules sans accent, chiffres et tirets. Il ne changera plus une fois le contact créé.',
          existing: 'Un identifiant ne change pas : les fiches pointent vers lui.',
        }}
      />
      {text('type', 'Type (code pivot)', {
        hint: 'Code de l’annuaire de l’administration (mairie, ccas, caf…) ; vide si aucun ne convient.',
      })}
      <SelectField
        id={fieldId('entite')}
        label="Entité"
        value={form.entite}
        onChange={(event) => set('entite', event.target.value)}
        placeholder="Choisir…"
        options={ENTITES.map((value) => ({ value, label: ENTITE_LABELS[value] }))}
        required
        {...feedback(problems, 'entite', 'Qui gère le service.')}
      />
      <FieldGroup
        className="ed-fieldset ed-wide"
        grid
        id={fieldId('adresse')}
        legend="Adresse"
        state={adresseState}
      >
        {text('voie', 'Voie', { problemKey: 'adresse.voie' })}
        {text('complement', 'Complément', { problemKey: 'adresse.complement' })}
        {text('code_postal', 'Code postal', { problemKey: 'adresse.code_postal' })}
        {text('commune', 'Commune', { problemKey: 'adresse.commune' })}
      </FieldGroup>
      {text('telephone', 'Téléphone', { hint: 'Au format 01 99 00 12 34.' })}
      {text('courriel', 'Courriel')}
      {text('site', 'Site', { hint: 'Adresse https://.' })}
      <FieldGroup id={fieldId('canaux')} legend="Canaux" state={feedback(problems, 'canaux')}>
        <Choices
          type="checkbox"
          choices={CANAUX.map((canal) => ({ value: canal, label: CANAL_LABELS[canal] }))}
          checked={(canal) => form.canaux.includes(canal)}
          onChange={(canal, on) => set('canaux', toggled(form.canaux, canal, on))}
          testId={(canal) => `ed-canal-${canal}`}
        />
      </FieldGroup>
      <FieldGroup
        className="ed-fieldset ed-wide"
        id={fieldId('horaires')}
        legend="Horaires"
        state={horairesState}
      >
        <div className="ed-grid">
          {WEEKDAYS.map((day) => (
            <TextField
              key={day}
              id={fieldId(`horaires.${day}`)}
              label={WEEKDAY_LABELS[day]}
              value={form.horaires[day]}
              placeholder="08:30-12:00, 13:30-17:00"
              onChange={(event) => set('horaires', { ...form.horaires, [day]: event.target.value })}
              autoComplete="off"
              spellCheck={false}
              {...feedback(problems, `horaires.${day}`)}
            />
          ))}
        </div>
      </FieldGroup>
      {text('horaires_note', 'Note sur les horaires', { wide: true, hint: 'Rendez-vous, permanences…' })}
      <FieldGroup
        className="ed-fieldset ed-wide"
        id={fieldId('fermetures')}
        legend="Fermetures exceptionnelles"
        state={fermeturesState}
      >
        {form.fermetures.length === 0 && <p className="muted">Aucune fermeture prévue.</p>}
        {form.fermetures.map((fermeture, index) => {
          const row = fermetureFields(fermeture, index);
          const problemKey = (part: keyof FermetureForm) => `fermetures.${index}.${part}`;
          return (
            <div key={index} className="ed-row" data-testid="ed-fermeture">
              {row.date('du', `Du (fermeture ${index + 1})`, { problemKey: problemKey('du') })}
              {row.date('au', `Au (fermeture ${index + 1})`, { problemKey: problemKey('au') })}
              {row.text('motif', `Motif (fermeture ${index + 1})`, { problemKey: problemKey('motif') })}
              <button
                type="button"
                className="link-button"
                onClick={() =>
                  set(
                    'fermetures',
                    form.fermetures.filter((_, i) => i !== index),
                  )
                }
              >
                Retirer la fermeture {index + 1}
              </button>
            </div>
          );
        })}
        <button
          type="button"
          className="button button-outline"
          onClick={() => set('fermetures', [...form.fermetures, NO_FERMETURE])}
          data-testid="ed-fermeture-add"
        >
          Ajouter une fermeture
        </button>
      </FieldGroup>
      {text('accessibilite', 'Accessibilité', {
        wide: true,
        hint: 'Conditions d’accès pour les personnes handicapées.',
      })}
    </div>
  );

  return (
    <EditorFrame
      state={state}
      title={isNew ? 'Nouveau contact' : `Modifier le contact « ${form.nom || id} »`}
      bodyTitle="Texte du contact"
      fields={fields}
      fieldKeys={FIELD_KEYS}
    >
      {!isNew && !state.dirty && (
        <p>
          <a href={formatRoute({ name: 'contact', id: id ?? '' })}>Voir le service comme un agent</a>
        </p>
      )}
    </EditorFrame>
  );
}
