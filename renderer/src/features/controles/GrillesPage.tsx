// Audit grids (#/controles/grilles): each grid's themes and criteria, edited as text (one criterion a line).
// Saving writes the grid's next version; audits already planned keep the version they were planned with.
import type { FormEvent } from 'react';
import { useState } from 'react';
import { grilleFields } from '../../../../common/controles/methods';
import type { GrilleVersion } from '../../../../common/controles/types';
import { call } from '../../api';
import { TextAreaField, TextField } from '../../ui/forms/Field';
import type { FieldErrors } from '../../ui/forms/checkForm';
import { checkForm } from '../../ui/forms/checkForm';
import { FormMessage } from '../../ui/forms/FormMessage';
import { ParentLink } from '../../ui/forms/ParentLink';
import { useSubmit } from '../../ui/forms/useSubmit';
import { PageMain } from '../../ui/PageMain';
import { ErrorMessage, Loading } from '../../ui/StatusMessages';
import { useCall } from '../../ui/hooks/useCall';
import { useFocusHeading } from '../../ui/hooks/useFocusHeading';
import { useUnsavedChanges } from '../../ui/hooks/useUnsavedChanges';
import '../label/label.css';
import '../../ui/registres.css';
import './controles.css';

interface ThemeForm {
  libelle: string;
  /** One criterion a line. */
  criteres: string;
}

function toForm(grille: GrilleVersion | null): { nom: string; themes: ThemeForm[] } {
  if (!grille) return { nom: '', themes: [{ libelle: '', criteres: '' }] };
  return {
    nom: grille.nom,
    themes: grille.themes.map((t) => ({
      libelle: t.libelle,
      criteres: t.criteres.map((c) => c.libelle).join('\n'),
    })),
  };
}

function GrilleEditor({ grille, onSaved }: { grille: GrilleVersion | null; onSaved: (id: number) => void }) {
  const [form, setForm] = useState(() => toForm(grille));
  const [baseline, setBaseline] = useState(() => JSON.stringify(toForm(grille)));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState('');
  const { busy, error, run } = useSubmit();
  const unsaved = useUnsavedChanges(JSON.stringify(form) !== baseline);
  const setTheme = (index: number, change: Partial<ThemeForm>) =>
    setForm((f) => ({ ...f, themes: f.themes.map((t, i) => (i === index ? { ...t, ...change } : t)) }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved('');
    const value = {
      nom: form.nom,
      themes: form.themes
        .filter((t) => t.libelle.trim() !== '' || t.criteres.trim() !== '')
        .map((t) => ({
          libelle: t.libelle,
          criteres: t.criteres
            .split('\n')
            .map((line) => line.trim())
            .filter((line) => line !== ''),
        })),
    };
    const checked = checkForm(grilleFields, value);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    unsaved.release();
    void run(
      () => call('controles.grilles.save', grille ? { ...checked.data, id: grille.grilleId } : checked.data),
      (version) => {
        setBaseline(JSON.stringify(form));
        setSaved(`Version ${version.version} enregistrée.`);
        onSaved(version.grilleId);
      },
    ).then(() => unsaved.hold());
  };

  return (
    <form className="card" onSubmit={onSubmit} noValidate data-testid="grille-form">
      {error && <FormMessage kind="error">{error.message}</FormMessage>}
      {errors.themes && <FormMessage kind="error">{errors.themes}</FormMessage>}
      <TextField
        id="grille-nom"
        label="Nom de la grille"
        value={form.nom}
        onChange={(e) => setForm((f) => ({ ...f, nom: e.target.value }))}
        error={errors.nom}
      />
      {form.themes.map((theme, index) => (
        <fieldset key={index} className="controle-critere">
          <legend>Thème {index + 1}</legend>
          <TextField
            id={`grille-theme-${index}`}
            label="Thème"
            value={theme.libelle}
            onChange={(e) => setTheme(index, { libelle: e.target.value })}
          />
          <TextAreaField
            id={`grille-criteres-${index}`}
            label="Critères (un par ligne)"
            rows={Math.max(3, theme.criteres.split('\n').length + 1)}
            value={theme.criteres}
            onChange={(e) => setTheme(index, { criteres: e.target.value })}
          />
        </fieldset>
      ))}
      <div className="controle-toolbar">
        <button
          type="button"
          className="button button-outline"
          onClick={() => setForm((f) => ({ ...f, themes: [...f.themes, { libelle: '', criteres: '' }] }))}
        >
          Ajouter un thème
        </button>
        <button type="submit" className="button" disabled={busy} data-testid="grille-save">
          {grille ? 'Enregistrer une nouvelle version' : 'Créer la grille'}
        </button>
        <p role="status">{saved}</p>
      </div>
      <p className="hint">
        Un thème vidé de son nom et de ses critères est retiré. Les audits déjà planifiés gardent la version
        avec laquelle ils l’ont été.
      </p>
    </form>
  );
}

function Editor({ id, onSaved }: { id: number; onSaved: (id: number) => void }) {
  const state = useCall('controles.grilles.get', { id });
  if (state.status === 'loading') return <Loading label="Chargement de la grille…" />;
  if (state.status === 'error') return <ErrorMessage error={state.error} />;
  return (
    <>
      <p className="hint">
        Version {state.data.version} (versions : {state.data.versions.join(', ')}).
      </p>
      <GrilleEditor key={`${id}-${state.data.version}`} grille={state.data} onSaved={onSaved} />
    </>
  );
}

export function GrillesPage() {
  const [refresh, setRefresh] = useState(0);
  const list = useCall('controles.grilles.list', {}, { refresh: String(refresh) });
  const [selected, setSelected] = useState<number | 'nouvelle' | null>(null);
  const heading = useFocusHeading<HTMLHeadingElement>(list.status !== 'loading');
  const onSaved = (id: number) => {
    setRefresh((r) => r + 1);
    setSelected(id);
  };
  return (
    <PageMain className="label-page">
      <ParentLink href="#/controles">Audits internes</ParentLink>
      <h1 ref={heading} tabIndex={-1}>
        Grilles d’audit
      </h1>
      {list.status === 'loading' && <Loading label="Chargement des grilles…" />}
      {list.status === 'error' && <ErrorMessage error={list.error} />}
      {list.status === 'ok' && (
        <ul className="plain-list" data-testid="grilles">
          {list.data.grilles.map((g) => (
            <li key={g.id}>
              <button type="button" className="link-button" onClick={() => setSelected(g.id)}>
                {g.nom}
              </button>{' '}
              — version {g.version}, {g.criteres} critères, {g.controles} audit(s)
            </li>
          ))}
        </ul>
      )}
      <p>
        <button type="button" className="button button-outline" onClick={() => setSelected('nouvelle')}>
          Nouvelle grille
        </button>
      </p>
      {selected === 'nouvelle' && <GrilleEditor grille={null} onSaved={onSaved} />}
      {typeof selected === 'number' && (
        <Editor key={`${selected}-${refresh}`} id={selected} onSaved={onSaved} />
      )}
    </PageMain>
  );
}
