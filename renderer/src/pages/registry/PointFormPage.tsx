// Creating or changing a reception point. The form is checked with the contract's own schema before it is
// sent; a refusal from the core (code taken, unknown service) is shown and everything typed stays.
import type { FormEvent } from 'react';
import { useEffect, useState } from 'react';
import type { PointView } from '../../../../electron/api/methods/registry';
import { POINT_ENTITES, POINT_TYPES, pointFields } from '../../../../electron/api/methods/registry';
import type { ApiError } from '../../api';
import { call, toApiError } from '../../api';
import { PageMain } from '../../components/PageMain';
import { ErrorMessage, Loading } from '../../components/StatusMessages';
import { useFocusHeading } from '../../hooks/useFocusHeading';
import { navigate } from '../../navigation';
import type { ChosenContact } from './ContactPicker';
import { ContactPicker } from './ContactPicker';
import { focusFirstError } from './focus';
import { FormMessage, SelectField, TextAreaField, TextField } from './RegistryFields';
import type { FieldErrors } from './registryFormat';
import { POINT_ENTITE_LABELS, POINT_TYPE_LABELS, checkForm } from './registryFormat';
import './registry.css';

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
  const [loaded, setLoaded] = useState<
    { status: 'loading' | 'ready' } | { status: 'error'; error: ApiError }
  >({ status: id === null ? 'ready' : 'loading' });
  const [form, setForm] = useState<PointForm>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const heading = useFocusHeading<HTMLHeadingElement>(loaded.status === 'ready');

  useEffect(() => {
    if (id === null) return;
    let live = true;
    call('points.get', { id }).then(
      (point) => {
        if (!live) return;
        setForm(formOf(point));
        setLoaded({ status: 'ready' });
      },
      (error: unknown) => live && setLoaded({ status: 'error', error: toApiError(error) }),
    );
    return () => {
      live = false;
    };
  }, [id]);

  const set = <K extends keyof PointForm>(key: K, value: PointForm[K]) =>
    setForm((current) => ({ ...current, [key]: value }));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (saving) return;
    setFailure(null);
    const { contact, ...fields } = form;
    const checked = checkForm(pointFields, { ...fields, contact_id: contact?.id ?? null });
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
          ? await call('points.create', checked.data)
          : await call('points.update', { id, ...checked.data });
      navigate({ name: 'point', id: saved.id });
    } catch (error) {
      const apiError = toApiError(error);
      // A taken code belongs next to the code field; anything else at the top of the form.
      if (apiError.code === 'conflict') {
        setErrors({ code: apiError.message });
        document.getElementById('point-code')?.focus();
      } else setFailure(apiError.message);
    } finally {
      setSaving(false);
    }
  };

  const title = id === null ? "Nouveau point d'accueil" : "Modifier le point d'accueil";
  if (loaded.status === 'loading')
    return (
      <PageMain>
        <h1>{title}</h1>
        <Loading label="Chargement du point…" />
      </PageMain>
    );
  if (loaded.status === 'error')
    return (
      <PageMain>
        <h1>{title}</h1>
        <ErrorMessage error={loaded.error} />
      </PageMain>
    );

  return (
    <PageMain className="reg-page">
      <p className="back">
        <a href={id === null ? '#/points' : `#/points/${id}`}>
          <span aria-hidden="true">← </span>
          {id === null ? "Retour aux points d'accueil" : 'Retour au point'}
        </a>
      </p>
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
        <div className="reg-actions">
          <button type="submit" className="button" disabled={saving} data-testid="point-save">
            {id === null ? 'Créer le point' : 'Enregistrer'}
          </button>
          <a href={id === null ? '#/points' : `#/points/${id}`}>Annuler</a>
        </div>
      </form>
    </PageMain>
  );
}
