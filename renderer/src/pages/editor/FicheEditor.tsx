// The fiche editor: every front-matter key of content/README.md § 3.2 as a field, then the body. A new fiche is
// prefilled from the link that opened it (« ?complete=F1344&titre=… ») and starts as a draft.
import { useState } from 'react';
import { TextAreaField, TextField } from '../../components/forms/Field';
import { NotReady } from '../../components/forms/NotReady';
import { isoDay } from '../../format';
import { useCall } from '../../hooks/useCall';
import type { Params } from '../../router';
import { formatRoute } from '../../router';
import { useSession } from '../../session';
import type { FicheForm } from './editorForm';
import { addMonths, ficheForm, ficheFrontMatter, slugify } from './editorForm';
import { EditorFrame } from './EditorFrame';
import { NationalView } from './NationalView';
import { GroupFeedback, feedback, fieldId, groupDescribedBy } from './fieldFeedback';
import { searchServices } from './pickers';
import { SearchPicker } from './SearchPicker';
import type { FormCodec } from './useEditorDocument';
import { useEditorDocument } from './useEditorDocument';

const CODEC: FormCodec<FicheForm> = { fromFrontMatter: ficheForm, toFrontMatter: ficheFrontMatter };

const FIELD_KEYS = [
  'statut',
  'titre',
  'id',
  'resume',
  'themes',
  'mots_cles',
  'services',
  'complete',
  'responsable',
  'a_revoir',
  'mise_a_jour',
  'public_concerne',
  'pieces_a_fournir',
  'cout',
  'delai',
  'source',
] as const;

/** Review a fiche a year after writing it unless the editor says otherwise. */
const REVIEW_MONTHS = 12;

function newFiche(params: Params, responsable: string): FicheForm {
  const today = isoDay(new Date());
  const titre = params.titre ?? '';
  return {
    ...ficheForm({}),
    id: slugify(titre),
    titre,
    complete: params.complete ?? '',
    statut: 'brouillon',
    mise_a_jour: today,
    a_revoir: addMonths(today, REVIEW_MONTHS),
    responsable,
  };
}

function ThemeChoices({
  form,
  set,
  problems,
}: {
  form: FicheForm;
  set: <K extends keyof FicheForm>(key: K, value: FicheForm[K]) => void;
  problems: Parameters<typeof feedback>[0];
}) {
  const themes = useCall('themes.list', {});
  const known = themes.status === 'ok' ? themes.data.themes : [];
  // A thème the file names but themes.yml does not know stays visible (and can be unticked).
  const unknown = form.themes.filter((id) => !known.some((theme) => theme.id === id));
  const choices = [
    ...known.map((theme) => ({ id: theme.id, libelle: theme.libelle })),
    ...unknown.map((id) => ({ id, libelle: id })),
  ];
  const id = fieldId('themes');
  const state = feedback(problems, 'themes', 'Un ou deux thèmes.');
  const toggle = (theme: string, on: boolean) =>
    set('themes', on ? [...form.themes, theme] : form.themes.filter((item) => item !== theme));
  return (
    <fieldset
      className="ed-fieldset ed-wide"
      id={id}
      aria-describedby={groupDescribedBy(id, state)}
      tabIndex={-1}
    >
      <legend>Thèmes</legend>
      {themes.status === 'error' && <p className="field-error">{themes.error.message}</p>}
      <div className="ed-checks">
        {choices.map((theme) => (
          <label key={theme.id} className="ed-check">
            <input
              type="checkbox"
              checked={form.themes.includes(theme.id)}
              onChange={(event) => toggle(theme.id, event.target.checked)}
              data-testid={`ed-theme-${theme.id}`}
            />
            {theme.libelle}
          </label>
        ))}
      </div>
      <GroupFeedback id={id} value={state} />
    </fieldset>
  );
}

function ServicesField({
  form,
  set,
  problems,
}: {
  form: FicheForm;
  set: <K extends keyof FicheForm>(key: K, value: FicheForm[K]) => void;
  problems: Parameters<typeof feedback>[0];
}) {
  const contacts = useCall('contacts.search', { q: '', limit: 500 });
  const names = new Map(contacts.status === 'ok' ? contacts.data.results.map((c) => [c.id, c.nom]) : []);
  const id = fieldId('services');
  const state = feedback(problems, 'services', 'Un à trois services qui traitent la démarche.');
  return (
    <fieldset
      className="ed-fieldset ed-wide"
      id={id}
      aria-describedby={groupDescribedBy(id, state)}
      tabIndex={-1}
    >
      <legend>Services</legend>
      {form.services.length === 0 ? (
        <p className="muted">Aucun service.</p>
      ) : (
        <ul className="ed-chosen" data-testid="ed-services">
          {form.services.map((service) => (
            <li key={service} data-testid="ed-service">
              <span>
                {names.get(service) ?? service} <code>{service}</code>
              </span>
              <button
                type="button"
                className="link-button"
                aria-label={`Retirer le service ${names.get(service) ?? service}`}
                onClick={() =>
                  set(
                    'services',
                    form.services.filter((item) => item !== service),
                  )
                }
              >
                Retirer
              </button>
            </li>
          ))}
        </ul>
      )}
      <SearchPicker
        id="ed-services-picker"
        label="Ajouter un service"
        search={searchServices}
        actionLabel={(option) => `Ajouter le service ${option.label}`}
        onPick={(option) => {
          if (!form.services.includes(option.id)) set('services', [...form.services, option.id]);
        }}
      />
      <GroupFeedback id={id} value={state} />
    </fieldset>
  );
}

export function FicheEditor({ id, params }: { id: string | null; params: Params }) {
  const { info } = useSession();
  const state = useEditorDocument('fiche', id, CODEC, () => ({
    form: newFiche(params, info.compte?.nom ?? ''),
    body: '',
  }));
  // A new fiche's id follows its title until the editor types one.
  const [idTyped, setIdTyped] = useState(false);
  const { form, set, problems } = state;
  const isNew = id === null;

  if (state.load.status !== 'ready') {
    return <NotReady title="Fiche" state={state.load} loadingLabel="Ouverture de la fiche…" />;
  }
  if (state.readOnly) return <NationalView id={id ?? ''} form={form} html={state.previewHtml} />;

  const title = isNew ? 'Nouvelle fiche' : `Modifier la fiche « ${form.titre || id} »`;
  const badges =
    form.statut === 'brouillon' ? (
      <span className="badge badge-warning" data-testid="ed-statut-badge">
        Brouillon
      </span>
    ) : (
      <span className="badge badge-open" data-testid="ed-statut-badge">
        Publiée
      </span>
    );

  const statutId = fieldId('statut');
  const statutState = feedback(
    problems,
    'statut',
    'Un brouillon est invisible pour les agents (recherche et fiche) jusqu’à sa publication.',
  );

  const fields = (
    <div className="card ed-grid">
      <fieldset
        className="ed-fieldset ed-wide"
        id={statutId}
        aria-describedby={groupDescribedBy(statutId, statutState)}
      >
        <legend>Statut</legend>
        <div className="ed-checks">
          {(['brouillon', 'publiee'] as const).map((value) => (
            <label key={value} className="ed-check">
              <input
                type="radio"
                name="statut"
                value={value}
                checked={form.statut === value}
                onChange={() => set('statut', value)}
                data-testid={`ed-statut-${value}`}
              />
              {value === 'brouillon' ? 'Brouillon' : 'Publiée'}
            </label>
          ))}
        </div>
        <GroupFeedback id={statutId} value={statutState} />
      </fieldset>
      <TextField
        id={fieldId('titre')}
        label="Titre"
        value={form.titre}
        onChange={(event) => {
          set('titre', event.target.value);
          if (isNew && !idTyped) set('id', slugify(event.target.value));
        }}
        required
        autoComplete="off"
        {...feedback(problems, 'titre')}
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
            ? 'Minuscules sans accent, chiffres et tirets. Il ne changera plus une fois la fiche créée.'
            : 'Un identifiant ne change pas : les liens et les services pointent vers lui.',
        )}
      />
      <div className="ed-wide">
        <TextAreaField
          id={fieldId('resume')}
          label="Résumé"
          value={form.resume}
          onChange={(event) => set('resume', event.target.value)}
          rows={3}
          required
          {...feedback(problems, 'resume', 'Une ou deux phrases : ce que l’agent dit en premier.')}
        />
      </div>
      <ThemeChoices form={form} set={set} problems={problems} />
      <TextAreaField
        id={fieldId('mots_cles')}
        label="Mots-clés"
        value={form.mots_cles}
        onChange={(event) => set('mots_cles', event.target.value)}
        rows={4}
        {...feedback(problems, 'mots_cles', 'Un par ligne : les mots réellement employés par les usagers.')}
      />
      <TextAreaField
        id={fieldId('public_concerne')}
        label="Public concerné"
        value={form.public_concerne}
        onChange={(event) => set('public_concerne', event.target.value)}
        rows={4}
        {...feedback(problems, 'public_concerne', 'Un par ligne.')}
      />
      <ServicesField form={form} set={set} problems={problems} />
      <div className="ed-wide">
        <TextAreaField
          id={fieldId('pieces_a_fournir')}
          label="Pièces à fournir"
          value={form.pieces_a_fournir}
          onChange={(event) => set('pieces_a_fournir', event.target.value)}
          rows={4}
          {...feedback(problems, 'pieces_a_fournir', 'Une par ligne.')}
        />
      </div>
      <TextField
        id={fieldId('cout')}
        label="Coût"
        value={form.cout}
        onChange={(event) => set('cout', event.target.value)}
        autoComplete="off"
        {...feedback(problems, 'cout')}
      />
      <TextField
        id={fieldId('delai')}
        label="Délai"
        value={form.delai}
        onChange={(event) => set('delai', event.target.value)}
        autoComplete="off"
        {...feedback(problems, 'delai')}
      />
      <TextField
        id={fieldId('responsable')}
        label="Responsable"
        value={form.responsable}
        onChange={(event) => set('responsable', event.target.value)}
        autoComplete="off"
        {...feedback(problems, 'responsable', 'Personne ou service qui tient la fiche à jour.')}
      />
      <TextField
        id={fieldId('a_revoir')}
        label="À revoir le"
        type="date"
        value={form.a_revoir}
        onChange={(event) => set('a_revoir', event.target.value)}
        {...feedback(problems, 'a_revoir', 'Passée cette date, la fiche est signalée « à revoir ».')}
      />
      <TextField
        id={fieldId('mise_a_jour')}
        label="Mise à jour le"
        type="date"
        value={form.mise_a_jour}
        onChange={(event) => set('mise_a_jour', event.target.value)}
        required
        {...feedback(problems, 'mise_a_jour', 'Date de la dernière vérification du contenu.')}
      />
      <TextField
        id={fieldId('complete')}
        label="Complète la fiche nationale"
        value={form.complete}
        onChange={(event) => set('complete', event.target.value)}
        autoComplete="off"
        spellCheck={false}
        {...feedback(
          problems,
          'complete',
          'Identifiant de la fiche Service-Public.fr que cette fiche précise pour la commune (F1344), sinon vide.',
        )}
      />
      <div className="ed-wide">
        <TextField
          id={fieldId('source')}
          label="Source"
          value={form.source}
          onChange={(event) => set('source', event.target.value)}
          autoComplete="off"
          {...feedback(problems, 'source', 'Page nationale de référence (https://…) ou délibération locale.')}
        />
      </div>
    </div>
  );

  return (
    <EditorFrame
      state={state}
      title={title}
      bodyTitle="Texte de la fiche"
      badges={badges}
      fields={fields}
      fieldKeys={FIELD_KEYS}
    >
      {!isNew && form.statut === 'publiee' && !state.dirty && (
        <p>
          <a href={formatRoute({ name: 'fiche', id: id ?? '' })} data-testid="ed-view-fiche">
            Voir la fiche comme un agent
          </a>
        </p>
      )}
    </EditorFrame>
  );
}
