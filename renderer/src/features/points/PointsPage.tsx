// The reception points with their label state: filters kept in the URL, so a filtered list can be bookmarked,
// shared, and found again with the browser's Back.
import type { ChangeEvent } from 'react';
import { useId } from 'react';
import type { LabelStatut } from '../../../../common/label/types';
import { ENTITE_NAMES, POINT_ENTITES, TYPE_NAMES } from '../../../../common/points/methods';
import { LABEL_STATUTS, STATUT_LABELS } from '../../../../common/label/types';
import { PageMain } from '../../ui/PageMain';
import { ErrorMessage, Loading } from '../../ui/StatusMessages';
import { formatDate, plural } from '../../ui/format';
import { useCall } from '../../ui/hooks/useCall';
import { useFocusHeading } from '../../ui/hooks/useFocusHeading';
import { navigate } from '../../navigation';
import type { Params } from '../../router';
import { OpenBadge, RegulariserBadge, StatutBadge } from '../label/LabelBadges';
import { EXPIRING_DAYS, coverageText, filtersFromParams, withParam } from '../label/labelFormat';

function Filters({ params }: { params: Params }) {
  const id = useId();
  const set = (key: string, value: string, replace = false) =>
    navigate({ name: 'points', params: withParam(params, key, value) }, { replace });
  const onCheck = (key: string) => (event: ChangeEvent<HTMLInputElement>) =>
    set(key, event.target.checked ? '1' : '');
  return (
    <form
      className="label-filters"
      role="search"
      aria-label="Filtrer les points"
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="label-field">
        <label className="field-label" htmlFor={`${id}-q`}>
          Nom, code ou commune
        </label>
        <input
          id={`${id}-q`}
          className="text-input"
          type="search"
          value={params.q ?? ''}
          // Typing refines the list in place: one history entry for the whole word.
          onChange={(event) => set('q', event.target.value, true)}
          autoComplete="off"
          data-testid="points-filter-q"
        />
      </div>
      <div className="label-field">
        <label className="field-label" htmlFor={`${id}-entite`}>
          Entité
        </label>
        <select
          id={`${id}-entite`}
          className="label-select"
          value={params.entite ?? ''}
          onChange={(event) => set('entite', event.target.value)}
          data-testid="points-filter-entite"
        >
          <option value="">Toutes</option>
          {POINT_ENTITES.map((entite) => (
            <option key={entite} value={entite}>
              {ENTITE_NAMES[entite]}
            </option>
          ))}
        </select>
      </div>
      <div className="label-field">
        <label className="field-label" htmlFor={`${id}-statut`}>
          État du label
        </label>
        <select
          id={`${id}-statut`}
          className="label-select"
          value={params.statut ?? ''}
          onChange={(event) => set('statut', event.target.value)}
          data-testid="points-filter-statut"
        >
          <option value="">Tous</option>
          {LABEL_STATUTS.map((statut) => (
            <option key={statut} value={statut}>
              {STATUT_LABELS[statut]}
            </option>
          ))}
        </select>
      </div>
      <div className="label-checks">
        <label className="label-check">
          <input
            type="checkbox"
            checked={params.expire === '1'}
            onChange={onCheck('expire')}
            data-testid="points-filter-expire"
          />
          Label expirant dans les {EXPIRING_DAYS} jours
        </label>
        <label className="label-check">
          <input
            type="checkbox"
            checked={params.regulariser === '1'}
            onChange={onCheck('regulariser')}
            data-testid="points-filter-regulariser"
          />
          À régulariser
        </label>
      </div>
    </form>
  );
}

function Counts({ parStatut }: { parStatut: Record<LabelStatut, number> }) {
  const present = LABEL_STATUTS.filter((statut) => parStatut[statut] > 0);
  return (
    <ul className="label-counts" aria-label="Points par état du label">
      {present.map((statut) => (
        <li key={statut}>
          {STATUT_LABELS[statut]} : {parStatut[statut]}
        </li>
      ))}
    </ul>
  );
}

export function PointsPage({ params }: { params: Params }) {
  const state = useCall('label.points', filtersFromParams(params), { keepPrevious: true });
  const heading = useFocusHeading<HTMLHeadingElement>(state.status !== 'loading');

  return (
    <PageMain className="label-page">
      <h1 ref={heading} tabIndex={-1}>
        Points d&apos;accueil
      </h1>
      <div className="label-toolbar">
        <a className="button" href="#/points/nouveau" data-testid="point-new">
          Nouveau point
        </a>
        <a href="#/a-traiter">À traiter</a>
        <a href="#/registre">Registre public</a>
        <a href="#/label/reglages">Règles du label</a>
      </div>
      <Filters params={params} />
      {state.status === 'loading' && <Loading label="Chargement des points…" />}
      {state.status === 'error' && <ErrorMessage error={state.error} />}
      {state.status === 'ok' && (
        <>
          <p role="status" data-testid="points-count">
            {state.data.points.length === state.data.total
              ? plural(state.data.total, 'point')
              : `${plural(state.data.points.length, 'point')} sur ${state.data.total}`}
          </p>
          <Counts parStatut={state.data.parStatut} />
          {state.data.points.length === 0 ? (
            <p>Aucun point ne correspond à ces filtres.</p>
          ) : (
            <div className="table-wrap">
              <table className="label-table" data-testid="points-table">
                <caption className="visually-hidden">Points d&apos;accueil et état de leur label</caption>
                <thead>
                  <tr>
                    <th scope="col">Point</th>
                    <th scope="col">Entité</th>
                    <th scope="col">Type</th>
                    <th scope="col">Label</th>
                    <th scope="col">Expire le</th>
                    <th scope="col">Formation des agents</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {state.data.points.map((point) => (
                    <tr key={point.id} data-testid="point-row">
                      <th scope="row">
                        <a href={`#/points/${point.id}`}>{point.nom}</a>
                        <br />
                        <span className="muted">{point.commune}</span>{' '}
                        {!point.ouvert && <OpenBadge ouvert={false} />}
                      </th>
                      <td>{ENTITE_NAMES[point.entite]}</td>
                      <td>{TYPE_NAMES[point.type]}</td>
                      <td>
                        <StatutBadge statut={point.statut} /> {point.aRegulariser && <RegulariserBadge />}
                      </td>
                      <td>{point.expireLe ? formatDate(point.expireLe) : '—'}</td>
                      <td>
                        {coverageText(point.formes, point.agents)}
                        {!point.regleRespectee && <span className="muted"> (règle non respectée)</span>}
                      </td>
                      <td>
                        <a href={`#/points/${point.id}/modifier`} aria-label={`Modifier ${point.nom}`}>
                          Modifier
                        </a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </PageMain>
  );
}
