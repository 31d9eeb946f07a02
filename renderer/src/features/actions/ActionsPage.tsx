// Corrective actions (#/actions): open ones first by due date, overdue ones flagged; filters « à suivre »,
// « en retard », « toutes ». Each opens its form; « Nouvelle action » creates one by hand.
import type { CorrectiveAction } from '../../../../common/actions/types';
import { navigate } from '../../navigation';
import type { Params } from '../../router';
import { PageMain } from '../../ui/PageMain';
import { ErrorMessage, Loading } from '../../ui/StatusMessages';
import { formatDate } from '../../ui/format';
import { useCall } from '../../ui/hooks/useCall';
import { useFocusHeading } from '../../ui/hooks/useFocusHeading';
import { ActionStatutBadge } from '../controles/ControleBadges';
import '../label/label.css';
import '../controles/controles.css';

const FILTRES = { ouvertes: 'À suivre', retard: 'En retard', toutes: 'Toutes' } as const;
type Filtre = keyof typeof FILTRES;

export function ActionsTable({ actions, caption }: { actions: CorrectiveAction[]; caption: string }) {
  return (
    <div className="table-wrap">
      <table className="label-table" data-testid="actions-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Origine</th>
            <th scope="col">Responsable</th>
            <th scope="col">Échéance</th>
            <th scope="col">État</th>
          </tr>
        </thead>
        <tbody>
          {actions.map((a) => (
            <tr key={a.id} data-testid="action-row" data-statut={a.statut}>
              <th scope="row">
                <a href={`#/actions/${a.id}`}>{a.quoi}</a>
              </th>
              <td>
                {a.origineLibelle}
                {a.point && a.origine !== 'constat' ? ` — ${a.point.nom}` : ''}
              </td>
              <td>{a.responsable || '—'}</td>
              <td>{formatDate(a.echeance)}</td>
              <td>
                <ActionStatutBadge statut={a.statut} enRetard={a.enRetard} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ActionsPage({ params }: { params: Params }) {
  const filtre: Filtre =
    params.filtre === 'retard' || params.filtre === 'toutes' ? params.filtre : 'ouvertes';
  const input = filtre === 'retard' ? { enRetard: true } : filtre === 'ouvertes' ? { ouvertes: true } : {};
  const state = useCall('actions.list', input);
  const heading = useFocusHeading<HTMLHeadingElement>(state.status !== 'loading');
  return (
    <PageMain className="label-page">
      <h1 ref={heading} tabIndex={-1}>
        Actions correctives
      </h1>
      <div className="controle-toolbar" role="group" aria-label="Afficher">
        {(Object.keys(FILTRES) as Filtre[]).map((key) => (
          <button
            key={key}
            type="button"
            className={key === filtre ? 'button' : 'button button-outline'}
            aria-pressed={key === filtre}
            onClick={() =>
              navigate(
                { name: 'actions', params: key === 'ouvertes' ? {} : { filtre: key } },
                { replace: true },
              )
            }
          >
            {FILTRES[key]}
          </button>
        ))}
        <a className="button button-outline" href="#/actions/nouvelle" data-testid="action-new">
          Nouvelle action
        </a>
      </div>
      {state.status === 'loading' && <Loading label="Chargement des actions…" />}
      {state.status === 'error' && <ErrorMessage error={state.error} />}
      {state.status === 'ok' &&
        (state.data.actions.length === 0 ? (
          <p data-testid="actions-none">
            Aucune action corrective {filtre === 'toutes' ? '' : FILTRES[filtre].toLowerCase()}.
          </p>
        ) : (
          <ActionsTable actions={state.data.actions} caption="Actions correctives" />
        ))}
    </PageMain>
  );
}
