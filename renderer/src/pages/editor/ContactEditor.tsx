// The contact (service) editor: every front-matter key of content/README.md § 4.2 as a field — the address in
// its parts, the hours one line per weekday (« 08:30-12:00, 13:30-17:00 »), the exceptional closures as rows —
// then the short body.
import { SelectField, TextField } from '../../components/forms/Field';
import { NotReady } from '../../components/forms/NotReady';
import { CANAL_LABELS, ENTITE_LABELS, WEEKDAY_LABELS } from '../../format';
import { formatRoute } from '../../router';
import { CANAUX, ENTITES, WEEKDAYS } from '../../../../electron/core/knowledge/types';
import type { ContactForm, FermetureForm } from './editorForm';
import { contactForm, contactFrontMatter, slugify } from './editorForm';
import { EditorFrame } from './EditorFrame';
import { GroupFeedback, feedback, fieldId, groupDescribedBy } from './fieldFeedback';
import type { FormCodec } from './useEditorDocument';
import { useEditorDocument } from './useEditorDocument';
import { useState } from 'react';

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
  const [idTyped, setIdTyped] = useState(false);
  const { form, set, problems } = state;
  const isNew = id === null;
  if (state.load.status !== 'ready') {
    return <NotReady title="Contact" state={state.load} loadingLabel="Ouverture du contact…" />;
  }

  const text = (key: keyof ContactForm & string, label: string, hint?: string, problemKey: string = key) => (
    <TextField
      id={fieldId(problemKey)}
      label={label}
      value={form[key] as string}
      onChange={(event) => set(key, event.target.value)}
      autoComplete="off"
      {...feedback(problems, problemKey, hint)}
    />
  );

  const setFermeture = (index: number, patch: Partial<FermetureForm>) =>
    set(
      'fermetures',
      form.fermetures.map((item, i) => (i === index ? { ...item, ...patch } : item)),
    );

  const canauxId = fieldId('canaux');
  const canauxState = feedback(problems, 'canaux');
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
      <TextField
        id={fieldId('nom')}
        label="Nom du service"
        value={form.nom}
        onChange={(event) => {
          set('nom', event.target.value);
          if (isNew && !idTyped) set('id', slugify(event.target.value));
        }}
        required
        autoComplete="off"
        {...feedback(problems, 'nom')}
      />
      <TextField
        id={fieldId('id')}
        label="Identifiant (id)"
        value={form.id}
        onChange={(event) => {
          setIdTyped(true);
          set('id', event.target.value);
        }}
        readOnly={!isNew}
        required
        autoComplete="off"
        spellCheck={false}
        {...feedback(
          problems,
          'id',
          isNew
            ? 'Minuscules sans accent, chiffres et tirets. Il ne changera plus une fois le contact créé.'
            : 'Un identifiant ne change pas : les fiches pointent vers lui.',
        )}
      />
      {text(
        'type',
        'Type (code pivot)',
        'Code de l’annuaire de l’administration (mairie, ccas, caf…) ; vide si aucun ne convient.',
      )}
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
      <fieldset
        className="ed-fieldset ed-wide ed-grid"
        id="ed-adresse"
        tabIndex={-1}
        aria-describedby={groupDescribedBy('ed-adresse', adresseState)}
      >
        <legend>Adresse</legend>
        {text('voie', 'Voie', undefined, 'adresse.voie')}
        {text('complement', 'Complément', undefined, 'adresse.complement')}
        {text('code_postal', 'Code postal', undefined, 'adresse.code_postal')}
        {text('commune', 'Commune', undefined, 'adresse.commune')}
        <div className="ed-wide">
          <GroupFeedback id="ed-adresse" value={adresseState} />
        </div>
      </fieldset>
      {text('telephone', 'Téléphone', 'Au format 01 99 00 12 34.')}
      {text('courriel', 'Courriel')}
      {text('site', 'Site', 'Adresse https://.')}
      <fieldset
        className="ed-fieldset"
        id={canauxId}
        aria-describedby={groupDescribedBy(canauxId, canauxState)}
        tabIndex={-1}
      >
        <legend>Canaux</legend>
        <div className="ed-checks">
          {CANAUX.map((canal) => (
            <label key={canal} className="ed-check">
              <input
                type="checkbox"
                checked={form.canaux.includes(canal)}
                onChange={(event) =>
                  set(
                    'canaux',
                    event.target.checked
                      ? [...form.canaux, canal]
                      : form.canaux.filter((item) => item !== canal),
                  )
                }
                data-testid={`ed-canal-${canal}`}
              />
              {CANAL_LABELS[canal]}
            </label>
          ))}
        </div>
        <GroupFeedback id={canauxId} value={canauxState} />
      </fieldset>
      <fieldset
        className="ed-fieldset ed-wide"
        id="ed-horaires"
        tabIndex={-1}
        aria-describedby={groupDescribedBy('ed-horaires', horairesState)}
      >
        <legend>Horaires</legend>
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
        <GroupFeedback id="ed-horaires" value={horairesState} />
      </fieldset>
      <div className="ed-wide">
        {text('horaires_note', 'Note sur les horaires', 'Rendez-vous, permanences…')}
      </div>
      <fieldset
        className="ed-fieldset ed-wide"
        id="ed-fermetures"
        tabIndex={-1}
        aria-describedby={groupDescribedBy('ed-fermetures', fermeturesState)}
      >
        <legend>Fermetures exceptionnelles</legend>
        {form.fermetures.length === 0 && <p className="muted">Aucune fermeture prévue.</p>}
        {form.fermetures.map((fermeture, index) => (
          <div key={index} className="ed-row" data-testid="ed-fermeture">
            <TextField
              id={fieldId(`fermetures.${index}.du`)}
              label={`Du (fermeture ${index + 1})`}
              type="date"
              value={fermeture.du}
              onChange={(event) => setFermeture(index, { du: event.target.value })}
              {...feedback(problems, `fermetures.${index}.du`)}
            />
            <TextField
              id={fieldId(`fermetures.${index}.au`)}
              label={`Au (fermeture ${index + 1})`}
              type="date"
              value={fermeture.au}
              onChange={(event) => setFermeture(index, { au: event.target.value })}
              {...feedback(problems, `fermetures.${index}.au`)}
            />
            <TextField
              id={fieldId(`fermetures.${index}.motif`)}
              label={`Motif (fermeture ${index + 1})`}
              value={fermeture.motif}
              onChange={(event) => setFermeture(index, { motif: event.target.value })}
              autoComplete="off"
              {...feedback(problems, `fermetures.${index}.motif`)}
            />
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
        ))}
        <button
          type="button"
          className="button ed-button-secondary"
          onClick={() => set('fermetures', [...form.fermetures, NO_FERMETURE])}
          data-testid="ed-fermeture-add"
        >
          Ajouter une fermeture
        </button>
        <GroupFeedback id="ed-fermetures" value={fermeturesState} />
      </fieldset>
      <div className="ed-wide">
        {text('accessibilite', 'Accessibilité', 'Conditions d’accès pour les personnes handicapées.')}
      </div>
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
