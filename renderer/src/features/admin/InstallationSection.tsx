import type { FormEvent } from 'react';
import { useState } from 'react';
import type { InstallationOption, InstallationView } from '../../../../common/admin/methods';
import { call } from '../../api';
import { useSubmit } from '../../ui/forms/useSubmit';
import { ErrorMessage, Loading } from '../../ui/StatusMessages';
import { useCall } from '../../ui/hooks/useCall';
import { useSession } from '../auth/session';

const SELECT_ID = 'installation-point';
const HELP_ID = 'installation-point-help';
const ERROR_ID = 'installation-point-error';

const GROUPS: Array<[InstallationOption['entite'], string]> = [
  ['ville', 'Ville'],
  ['metropole', 'Métropole'],
  ['ccas', 'CCAS'],
  ['autre', 'Autres partenaires'],
];

/** « Point d'accueil de ce poste »: the point whose agents switch in here with their PIN. */
export function InstallationSection() {
  const [saved, setSaved] = useState<InstallationView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const loaded = useCall('admin.installation.get', {});
  const view = saved ?? (loaded.status === 'ok' ? loaded.data : null);
  const onSaved = (next: InstallationView) => {
    setSaved(next);
    setNotice(
      next.current
        ? `Ce poste est maintenant rattaché à « ${next.current.nom} ».`
        : "Ce poste n'est plus rattaché à aucun point d'accueil.",
    );
  };
  return (
    <section className="card admin-section" aria-labelledby="installation-title" data-testid="installation">
      <h2 id="installation-title">Point d&apos;accueil de ce poste</h2>
      <p className="muted">
        Les agents affectés à ce point ouvrent leur session ici en choisissant leur nom et en tapant leur code
        PIN.
      </p>
      {loaded.status === 'error' && !view && (
        <ErrorMessage error={loaded.error} context="Impossible de lire le point d'accueil de ce poste." />
      )}
      {!view && loaded.status === 'loading' && <Loading label="Chargement des points d'accueil…" />}
      {view && (
        <InstallationForm
          key={view.current?.pointId ?? 0}
          view={view}
          onSaved={onSaved}
          onEdit={() => setNotice(null)}
        />
      )}
      {/* Outside the form, which starts afresh on the saved point: the message stays. */}
      <p role="status" className="admin-notice" data-testid="installation-notice">
        {notice}
      </p>
    </section>
  );
}

function InstallationForm({
  view,
  onSaved,
  onEdit,
}: {
  view: InstallationView;
  onSaved(view: InstallationView): void;
  onEdit(): void;
}) {
  const { setInfo } = useSession();
  const [choice, setChoice] = useState(view.current ? String(view.current.pointId) : '');
  const { busy: saving, error, run } = useSubmit();
  // The bound point may have been closed since: it stays selectable until another is chosen.
  const currentMissing = view.current !== null && !view.points.some((p) => p.id === view.current?.pointId);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onEdit();
    await run(async () => {
      onSaved(await call('admin.installation.set', { pointId: choice === '' ? null : Number(choice) }));
      // The session knows the installation too (the login screen lists its agents).
      setInfo(await call('auth.session', {}));
    });
  };

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate>
      <p data-testid="installation-current">
        {view.current ? (
          <>
            Ce poste est rattaché à <strong>{view.current.nom}</strong>.
          </>
        ) : (
          "Ce poste n'est rattaché à aucun point d'accueil."
        )}
      </p>
      <label htmlFor={SELECT_ID} className="field-label">
        Point d&apos;accueil
      </label>
      <div className="admin-row">
        <select
          id={SELECT_ID}
          className="text-input admin-select"
          value={choice}
          onChange={(event) => setChoice(event.target.value)}
          aria-describedby={error ? `${ERROR_ID} ${HELP_ID}` : HELP_ID}
          aria-invalid={error ? true : undefined}
          data-testid="installation-select"
        >
          <option value="">Aucun (poste non rattaché)</option>
          {currentMissing && view.current && (
            <option value={String(view.current.pointId)}>{view.current.nom} (fermé)</option>
          )}
          {GROUPS.map(([entite, label]) => {
            const points = view.points.filter((p) => p.entite === entite);
            if (points.length === 0) return null;
            return (
              <optgroup key={entite} label={label}>
                {points.map((point) => (
                  <option key={point.id} value={String(point.id)}>
                    {point.nom}
                    {point.commune ? ` – ${point.commune}` : ''}
                  </option>
                ))}
              </optgroup>
            );
          })}
        </select>
        <button type="submit" className="button" disabled={saving} data-testid="installation-save">
          Enregistrer
        </button>
      </div>
      <p id={HELP_ID} className="hint">
        Seuls les points d&apos;accueil ouverts sont proposés.
      </p>
      {error && (
        <div id={ERROR_ID} className="alert alert-error" role="alert" data-testid="installation-error">
          <p>{error.message}</p>
        </div>
      )}
    </form>
  );
}
