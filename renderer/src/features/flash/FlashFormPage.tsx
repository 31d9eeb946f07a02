// Writing or changing a flash info: title, short text (markdown, rendered like the fiches), first and last day,
// every point or chosen ones, fiches it concerns. For an existing one, who of the agents concerned has read it.
// Checked with the contract's schema before sending; leaving with unsaved changes asks first.
import type { FormEvent } from 'react';
import type { FlashDetail } from '../../../../common/flash/methods';
import { MAX_FLASH_FICHES, flashFields } from '../../../../common/flash/methods';
import { call } from '../../api';
import { navigate } from '../../navigation';
import { formatRoute } from '../../router';
import { TextAreaField, TextField } from '../../ui/forms/Field';
import { FormMessage } from '../../ui/forms/FormMessage';
import { NotReady } from '../../ui/forms/NotReady';
import { ParentLink } from '../../ui/forms/ParentLink';
import { SubmitBar } from '../../ui/forms/SubmitBar';
import { useRecordForm } from '../../ui/forms/useRecordForm';
import { useCall } from '../../ui/hooks/useCall';
import { PageMain } from '../../ui/PageMain';
import { ErrorMessage } from '../../ui/StatusMessages';
import { formatDate, isoDay } from '../../ui/format';
import type { PickOption } from '../redaction/SearchPicker';
import { SearchPicker } from '../redaction/SearchPicker';
import type { FlashForm } from './flash-format';
import { emptyFlashForm, fieldsOf, formOf, periodText, readCount, targetText } from './flash-format';
import '../../ui/registres.css';
import './flash.css';

const loadFlash = (id: number): Promise<FlashForm> => call('flash.get', { id }).then(formOf);

/** Published fiches only: a flash info links what the desks can open. */
async function searchPublished(q: string): Promise<PickOption[]> {
  const { results } = await call('search.query', { q, limit: 10 });
  return results.map((hit) => ({ id: hit.id, label: hit.titre, detail: hit.id }));
}

function Readers({ detail }: { detail: FlashDetail }) {
  return (
    <section className="card flash-readers" aria-labelledby="flash-readers-title" data-testid="flash-readers">
      <h2 id="flash-readers-title">Lecture</h2>
      <p data-testid="flash-readers-count">{readCount(detail)}</p>
      <p className="muted">
        {periodText(detail)} · {targetText(detail)} · créée par {detail.creePar}
      </p>
      {detail.lecteurs.length > 0 && (
        <ul className="flash-readers-list">
          {detail.lecteurs.map((lecteur) => (
            <li key={lecteur.compteId} data-testid="flash-reader" data-read={lecteur.luLe !== null}>
              {lecteur.nom} :{' '}
              {lecteur.luLe === null ? (
                <strong>pas encore lu</strong>
              ) : (
                `lu le ${formatDate(lecteur.luLe.slice(0, 10))}`
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function FlashFormPage({ id }: { id: number | null }) {
  const options = useCall('flash.list', {});
  const detail = useCall('flash.get', { id: id ?? 0 }, { enabled: id !== null });
  const { loaded, form, set, errors, failure, saving, heading, submit } = useRecordForm<FlashForm>(
    id,
    emptyFlashForm(isoDay(new Date())),
    loadFlash,
  );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submit(flashFields, fieldsOf(form), async (data) => {
      if (id === null) await call('flash.create', data);
      else await call('flash.update', { id, fields: data });
      navigate({ name: 'flash' });
    });
  };

  const title = id === null ? 'Nouvelle annonce' : 'Modifier l’annonce';
  if (loaded.status !== 'ready')
    return <NotReady title={title} state={loaded} loadingLabel="Chargement de l’annonce…" />;

  const togglePoint = (pointId: number, checked: boolean) =>
    set('pointIds', checked ? [...form.pointIds, pointId] : form.pointIds.filter((p) => p !== pointId));
  const addFiche = (option: PickOption) => {
    if (form.ficheIds.includes(option.id) || form.ficheIds.length >= MAX_FLASH_FICHES) return;
    set('ficheIds', [...form.ficheIds, option.id]);
    set('ficheTitres', { ...form.ficheTitres, [option.id]: option.label });
  };
  const removeFiche = (ficheId: string) =>
    set(
      'ficheIds',
      form.ficheIds.filter((f) => f !== ficheId),
    );
  const points = options.status === 'ok' ? options.data.points : [];

  return (
    <PageMain className="reg-page flash-page">
      <ParentLink href={formatRoute({ name: 'flash' })}>Retour aux flash info</ParentLink>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <form className="card" onSubmit={(event) => void onSubmit(event)} noValidate data-testid="flash-form">
        {failure && <FormMessage kind="error">{failure}</FormMessage>}
        {options.status === 'error' && <ErrorMessage error={options.error} />}
        <TextField
          id="flash-titre"
          label="Titre"
          value={form.titre}
          onChange={(e) => set('titre', e.target.value)}
          error={errors.titre}
          maxLength={120}
          required
        />
        <TextAreaField
          id="flash-texte"
          label="Texte"
          hint="Court ; mise en forme simple : **gras**, listes (- …), liens [texte](https://…)."
          value={form.texte}
          onChange={(e) => set('texte', e.target.value)}
          error={errors.texte}
          rows={5}
          required
        />
        <div className="reg-form-grid">
          <TextField
            id="flash-debut"
            label="Premier jour d’affichage"
            type="date"
            value={form.debut}
            onChange={(e) => set('debut', e.target.value)}
            error={errors.debut}
            required
          />
          <TextField
            id="flash-fin"
            label="Dernier jour d’affichage"
            type="date"
            value={form.fin}
            onChange={(e) => set('fin', e.target.value)}
            error={errors.fin}
            required
          />
        </div>
        <div className="form-field">
          <fieldset
            className="checkbox-list"
            aria-describedby={errors.pointIds ? 'flash-points-error' : undefined}
            data-testid="flash-points"
          >
            <legend>Pour</legend>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={form.tousPoints}
                onChange={(e) => set('tousPoints', e.target.checked)}
                data-testid="flash-tous"
              />
              Tous les points d’accueil
            </label>
            {!form.tousPoints &&
              points.map((point, index) => (
                <label key={point.id} className="checkbox">
                  <input
                    type="checkbox"
                    checked={form.pointIds.includes(point.id)}
                    onChange={(e) => togglePoint(point.id, e.target.checked)}
                    aria-invalid={index === 0 && errors.pointIds ? true : undefined}
                    data-testid={`flash-point-${point.id}`}
                  />
                  {point.nom}
                </label>
              ))}
          </fieldset>
          {errors.pointIds && (
            <p id="flash-points-error" className="field-error" data-testid="flash-points-error">
              {errors.pointIds}
            </p>
          )}
        </div>
        <div className="form-field">
          <p className="field-label" id="flash-fiches-label">
            Fiches concernées (l’annonce s’affiche aussi sur elles)
          </p>
          {form.ficheIds.length > 0 && (
            <ul className="flash-fiche-list" aria-labelledby="flash-fiches-label" data-testid="flash-fiches">
              {form.ficheIds.map((ficheId) => (
                <li key={ficheId}>
                  {form.ficheTitres[ficheId] ?? ficheId}{' '}
                  <button
                    type="button"
                    className="button button-outline"
                    onClick={() => removeFiche(ficheId)}
                    aria-label={`Retirer la fiche « ${form.ficheTitres[ficheId] ?? ficheId} »`}
                  >
                    Retirer
                  </button>
                </li>
              ))}
            </ul>
          )}
          {errors.ficheIds && (
            <p className="field-error" data-testid="flash-fiches-error">
              {errors.ficheIds}
            </p>
          )}
          <SearchPicker
            id="flash-fiche-picker"
            label="Ajouter une fiche"
            hint="Tapez quelques lettres du titre ; seules les fiches publiées sont proposées."
            search={searchPublished}
            onPick={addFiche}
            actionLabel={(option) => `Lier la fiche « ${option.label} »`}
            minLength={2}
          />
        </div>
        <SubmitBar
          className="reg-actions"
          label={id === null ? 'Publier l’annonce' : 'Enregistrer'}
          busy={saving}
          cancelHref={formatRoute({ name: 'flash' })}
          testId="flash-save"
        />
      </form>
      {detail.status === 'ok' && id !== null && <Readers detail={detail.data} />}
    </PageMain>
  );
}
