// The fiche editor: every front-matter key of content/README.md § 3.2 as a field, then the body. A new fiche is
// prefilled from the link that opened it (« ?complete=F1344&titre=… ») and starts as a draft.
import { addMonthsToDay } from '../../../../common/dates';
import type { EditorProblem } from '../../../../common/redaction/types';
import { NotReady } from '../../ui/forms/NotReady';
import { isoDay } from '../../ui/format';
import { useCall } from '../../ui/hooks/useCall';
import type { Params } from '../../router';
import { formatRoute } from '../../router';
import { useSession } from '../auth/session';
import type { FicheForm } from './editorForm';
import { ficheForm, ficheFrontMatter, slugify } from './editorForm';
import type { FormSetter } from './editorFields';
import { Choices, FieldGroup, NameAndIdFields, boundFields, toggled } from './editorFields';
import { EditorFrame } from './EditorFrame';
import { NationalView } from './NationalView';
import { feedback, fieldId } from './fieldFeedback';
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

const STATUTS = [
  { value: 'brouillon', label: 'Brouillon' },
  { value: 'publiee', label: 'Publiée' },
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
    a_revoir: addMonthsToDay(today, REVIEW_MONTHS),
    responsable,
  };
}

/** What the fiche's own field groups (thèmes, services) receive from the editor. */
interface FicheGroupProps {
  form: FicheForm;
  set: FormSetter<FicheForm>;
  problems: readonly EditorProblem[];
}

function ThemeChoices({ form, set, problems }: FicheGroupProps) {
  const themes = useCall('themes.list', {});
  const known = themes.status === 'ok' ? themes.data.themes : [];
  // A thème the file names but themes.yml does not know stays visible (and can be unticked).
  const unknown = form.themes.filter((id) => !known.some((theme) => theme.id === id));
  const choices = [
    ...known.map((theme) => ({ value: theme.id, label: theme.libelle })),
    ...unknown.map((id) => ({ value: id, label: id })),
  ];
  return (
    <FieldGroup
      className="ed-fieldset ed-wide"
      id={fieldId('themes')}
      legend="Thèmes"
      state={feedback(problems, 'themes', 'Un ou deux thèmes.')}
    >
      {themes.status === 'error' && <p className="field-error">{themes.error.message}</p>}
      <Choices
        type="checkbox"
        choices={choices}
        checked={(theme) => form.themes.includes(theme)}
        onChange={(theme, on) => set('themes', toggled(form.themes, theme, on))}
        testId={(theme) => `ed-theme-${theme}`}
      />
    </FieldGroup>
  );
}

function ServicesField({ form, set, problems }: FicheGroupProps) {
  const contacts = useCall('contacts.search', { q: '', limit: 500 });
  const names = new Map(contacts.status === 'ok' ? contacts.data.results.map((c) => [c.id, c.nom]) : []);
  return (
    <FieldGroup
      className="ed-fieldset ed-wide"
      id={fieldId('services')}
      legend="Services"
      state={feedback(problems, 'services', 'Un à trois services qui traitent la démarche.')}
    >
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
    </FieldGroup>
  );
}

export function FicheEditor({ id, params }: { id: string | null; params: Params }) {
  const { info } = useSession();
  const state = useEditorDocument('fiche', id, CODEC, () => ({
    form: newFiche(params, info.compte?.nom ?? ''),
    body: '',
  }));
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

  const { text, date, area } = boundFields(form, set, problems);
  const fields = (
    <div className="card ed-grid">
      <FieldGroup
        className="ed-fieldset ed-wide"
        id={fieldId('statut')}
        legend="Statut"
        focusable={false}
        state={feedback(
          problems,
          'statut',
          'Un brouillon est invisible pour les agents (recherche et fiche) jusqu’à sa publication.',
        )}
      >
        <Choices
          type="radio"
          name="statut"
          choices={STATUTS}
          checked={(value) => form.statut === value}
          onChange={(value) => set('statut', value)}
          testId={(value) => `ed-statut-${value}`}
        />
      </FieldGroup>
      <NameAndIdFields
        nameKey="titre"
        nameLabel="Titre"
        name={form.titre}
        onName={(value) => set('titre', value)}
        id={form.id}
        onId={(value) => set('id', value)}
        isNew={isNew}
        problems={problems}
        idHint={{
          isNew: 'Minuscules sans accent, chiffres et tirets. Il ne changera plus une fois la fiche créée.',
          existing: 'Un identifiant ne change pas : les liens et les services pointent vers lui.',
        }}
      />
      {area('resume', 'Résumé', {
        rows: 3,
        required: true,
        wide: true,
        hint: 'Une ou deux phrases : ce que l’agent dit en premier.',
      })}
      <ThemeChoices form={form} set={set} problems={problems} />
      {area('mots_cles', 'Mots-clés', {
        rows: 4,
        hint: 'Un par ligne : les mots réellement employés par les usagers.',
      })}
      {area('public_concerne', 'Public concerné', { rows: 4, hint: 'Un par ligne.' })}
      <ServicesField form={form} set={set} problems={problems} />
      {area('pieces_a_fournir', 'Pièces à fournir', { rows: 4, wide: true, hint: 'Une par ligne.' })}
      {text('cout', 'Coût')}
      {text('delai', 'Délai')}
      {text('responsable', 'Responsable', { hint: 'Personne ou service qui tient la fiche à jour.' })}
      {date('a_revoir', 'À revoir le', { hint: 'Passée cette date, la fiche est signalée « à revoir ».' })}
      {date('mise_a_jour', 'Mise à jour le', {
        required: true,
        hint: 'Date de la dernière vérification du contenu.',
      })}
      {text('complete', 'Complète la fiche nationale', {
        spellCheck: false,
        hint: 'Identifiant de la fiche Service-Public.fr que cette fiche précise pour la commune (F1344), sinon vide.',
      })}
      {text('source', 'Source', {
        wide: true,
        hint: 'Page nationale de référence (https://…) ou délibération locale.',
      })}
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
