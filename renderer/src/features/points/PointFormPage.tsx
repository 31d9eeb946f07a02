// Creating or changing a reception point. The form is checked with the contract's own schema before it is
// sent; a refusal from the core (code taken, unknown service) is shown and everything typed stays.
import type { FormEvent } from 'react';
import type { PointView } from '../../../../common/points/methods';
import { POINT_ENTITES, POINT_TYPES, pointFields } from '../../../../common/points/methods';
import { call } from '../../api';
import { SelectField, TextAreaField, TextField } from '../../ui/forms/Field';
import { FormMessage } from '../../ui/forms/FormMessage';
import { NotReady } from '../../ui/forms/NotReady';
import { ParentLink } from '../../ui/forms/ParentLink';
import { SubmitBar } from '../../ui/forms/SubmitBar';
import { useRecordForm } from '../../ui/forms/useRecordForm';
import { PageMain } from '../../ui/PageMain';
import { navigate } from '../../navigation';
import type { ChosenContact } from './ContactPicker';
import { ContactPicker } from './ContactPicker';
import { POINT_ENTITE_LABELS, POINT_TYPE_LABELS } from '../../ui/registresFormat';
import '../../ui/registres.css';

interface PointForm {
  code: string;
  nom: string;
  entite: string;
  type: string;
  voie: string;
  complement: string;
  code_postal: string;
  commune: string;
  horaires: string;
  contact: ChosenContact | null;
  ouvert: boolean;
}

const EMPTY: PointForm = {
  code: '',
  nom: '',
  entite: '',
  type: '',
  voie: '',
  complement: '',
  code_postal: '',
  commune: '',
  horaires: '',
  contact: null,
  ouvert: true,
};

const loadPoint = (id: number): Promise<PointForm> => call('points.get', { id }).then(formOf);

function formOf(point: PointView): PointForm {
  return {
    code: point.code,
    nom: point.nom,
    entite: point.entite,
    type: point.type,
    voie: point.voie,
    complement: point.complement,
    code_postal: point.code_postal,
    commune: point.commune,
    horaires: point.horaires,
    contact: point.contact,
    ouvert: point.ouvert,
  };
}

export function PointFormPage({ id }: { id: number | null }) {
  const { loaded, form, set, errors, failure, saving, heading, submit } = useRecordForm(id, EMPTY, loadPoint);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { contact, ...fields } = form;
    void submit(
      pointFields,
      { ...fields, contact_id: contact?.id ?? null },
      async (data) => {
        const saved =
          id === null ? await call('points.create', data) : await call('points.update', { id, ...data });
        navigate({ name: 'point', id: saved.id });
      },
      // A taken code belongs next to the code field; anything else at the top of the form.
      'code',
    );
  };

  const title = id === null ? "Nouveau point d'accueil" : "Modifier le point d'accueil";
  if (loaded.status !== 'ready')
    return <NotReady title={title} state={loaded} loadingLabel="Chargement du point…" />;

  const back = id === null ? '#/points' : `#/points/${id}`;

  return (
    <PageMain className="reg-page">
      <ParentLink href={back}>{id === null ? "Retour aux points d'accueil" : 'Retour au point'}</ParentLink>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <form className="card" onSubmit={(event) => void onSubmit(event)} noValidate data-testid="point-form">
        {failure && <FormMessage kind="error">{failure}</FormMessage>}
        <div className="reg-form-grid">
          <TextField
            id="point-nom"
            label="Nom du point"
            value={form.nom}
            onChange={(e) => set('nom', e.target.value)}
            error={errors.nom}
            required
          />
          <TextField
            id="point-code"
            label="Code"
            value={form.code}
            onChange={(e) => set('code', e.target.value)}
            error={errors.code}
            hint="Court et stable, utilisé par les imports (par exemple mairie-annexe-nord)."
            autoComplete="off"
            spellCheck={false}
            required
          />
          <SelectField
            id="point-entite"
            label="Entité"
            value={form.entite}
            onChange={(e) => set('entite', e.target.value)}
            error={errors.entite}
            placeholder="Choisir…"
            options={POINT_ENTITES.map((value) => ({ value, label: POINT_ENTITE_LABELS[value] }))}
            required
          />
          <SelectField
            id="point-type"
            label="Type d'accueil"
            value={form.type}
            onChange={(e) => set('type', e.target.value)}
            error={errors.type}
            placeholder="Choisir…"
            options={POINT_TYPES.map((value) => ({ value, label: POINT_TYPE_LABELS[value] }))}
            required
          />
        </div>
        <fieldset className="reg-fieldset">
          <legend>Adresse</legend>
          <div className="reg-form-grid">
            <TextField
              id="point-voie"
              label="Voie"
              value={form.voie}
              onChange={(e) => set('voie', e.target.value)}
              error={errors.voie}
              autoComplete="address-line1"
            />
            <TextField
              id="point-complement"
              label="Complément"
              value={form.complement}
              onChange={(e) => set('complement', e.target.value)}
              error={errors.complement}
              autoComplete="address-line2"
            />
            <TextField
              id="point-code-postal"
              label="Code postal"
              value={form.code_postal}
              onChange={(e) => set('code_postal', e.target.value)}
              error={errors.code_postal}
              inputMode="numeric"
              autoComplete="postal-code"
            />
            <TextField
              id="point-commune"
              label="Commune"
              value={form.commune}
              onChange={(e) => set('commune', e.target.value)}
              error={errors.commune}
              autoComplete="address-level2"
            />
          </div>
        </fieldset>
        <TextAreaField
          id="point-horaires"
          label="Horaires"
          value={form.horaires}
          onChange={(e) => set('horaires', e.target.value)}
          error={errors.horaires}
          hint="Tels qu'on les annonce au public (par exemple « du lundi au vendredi, 8h30-12h et 13h30-17h »)."
        />
        <ContactPicker
          value={form.contact}
          onChange={(contact) => set('contact', contact)}
          error={errors.contact_id}
        />
        <label className="reg-check">
          <input
            type="checkbox"
            checked={form.ouvert}
            onChange={(e) => set('ouvert', e.target.checked)}
            aria-describedby="point-ouvert-hint"
            data-testid="point-ouvert"
          />
          Point ouvert
        </label>
        <p id="point-ouvert-hint" className="hint">
          Un point qui ferme n&apos;est pas supprimé : il garde ses affectations et son historique du label.
        </p>
        <SubmitBar
          className="reg-actions"
          label={id === null ? 'Créer le point' : 'Enregistrer'}
          busy={saving}
          cancelHref={back}
          testId="point-save"
        />
      </form>
    </PageMain>
  );
}
