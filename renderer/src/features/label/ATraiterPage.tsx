// What needs the label manager's action: labels to renew, refreshers to plan, points to regularise.
import type { LabelTodo } from '../../../../common/label/types';
import { ENTITE_NAMES } from '../../../../common/points/methods';
import { PageMain } from '../../ui/PageMain';
import { ErrorMessage, Loading } from '../../ui/StatusMessages';
import { formatDate, plural } from '../../ui/format';
import { useCall } from '../../ui/hooks/useCall';
import { useFocusHeading } from '../../ui/hooks/useFocusHeading';
import { OverdueActions } from '../actions/OverdueActions';
import { StatutBadge } from './LabelBadges';
import { remainingText } from './labelFormat';

function Expiring({ todo }: { todo: LabelTodo }) {
  if (todo.expiring.length === 0)
    return <p>Aucun label n&apos;expire dans les {todo.alerteJours} prochains jours.</p>;
  return (
    <div className="table-wrap">
      <table className="label-table" data-testid="todo-expiring">
        <caption className="visually-hidden">Labels expirant ou expirés</caption>
        <thead>
          <tr>
            <th scope="col">Point</th>
            <th scope="col">Entité</th>
            <th scope="col">Label</th>
            <th scope="col">Expire le</th>
            <th scope="col">Échéance</th>
          </tr>
        </thead>
        <tbody>
          {todo.expiring.map((row) => (
            <tr key={row.pointId}>
              <th scope="row">
                <a href={`#/points/${row.pointId}`}>{row.nom}</a>
              </th>
              <td>{ENTITE_NAMES[row.entite]}</td>
              <td>
                <StatutBadge statut={row.statut} />
              </td>
              <td>{formatDate(row.expireLe)}</td>
              <td>{remainingText(row.joursRestants)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Refreshers({ todo }: { todo: LabelTodo }) {
  if (todo.refreshers.length === 0)
    return (
      <p>
        Aucune formation d&apos;agent n&apos;arrive à échéance dans les {todo.alerteJours} prochains jours.
      </p>
    );
  return (
    <div className="table-wrap">
      <table className="label-table" data-testid="todo-refreshers">
        <caption className="visually-hidden">Formations à renouveler</caption>
        <thead>
          <tr>
            <th scope="col">Agent</th>
            <th scope="col">Affecté à</th>
            <th scope="col">Formation</th>
            <th scope="col">Valable jusqu&apos;au</th>
            <th scope="col">État</th>
          </tr>
        </thead>
        <tbody>
          {todo.refreshers.map((row) => (
            <tr key={`${row.agentId}-${row.typeFormation.code}`}>
              <th scope="row">
                <a href={`#/agents/${row.agentId}`}>
                  {row.prenom} {row.nom}
                </a>
              </th>
              <td>{row.points.map((point) => point.nom).join(', ')}</td>
              <td>{row.typeFormation.libelle}</td>
              <td>{formatDate(row.valideJusquau)}</td>
              <td>
                {row.expiree ? (
                  <span className="badge badge-closed">Expirée</span>
                ) : (
                  <span className="badge badge-warning">Bientôt expirée</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ToRegularise({ todo }: { todo: LabelTodo }) {
  if (todo.toRegularise.length === 0)
    return <p>Tous les points labellisés respectent la règle aujourd&apos;hui.</p>;
  return (
    <div className="table-wrap">
      <table className="label-table" data-testid="todo-regularise">
        <caption className="visually-hidden">Points labellisés qui ne respectent plus la règle</caption>
        <thead>
          <tr>
            <th scope="col">Point</th>
            <th scope="col">Entité</th>
            <th scope="col">Label</th>
            <th scope="col">Ce qui manque</th>
          </tr>
        </thead>
        <tbody>
          {todo.toRegularise.map((row) => (
            <tr key={row.pointId}>
              <th scope="row">
                <a href={`#/points/${row.pointId}`}>{row.nom}</a>
              </th>
              <td>{ENTITE_NAMES[row.entite]}</td>
              <td>
                <StatutBadge statut={row.statut} />
                {row.expireLe && <span className="muted"> jusqu&apos;au {formatDate(row.expireLe)}</span>}
              </td>
              <td>
                {row.manques.map((manque) => (
                  <p key={manque}>{manque}</p>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ATraiterPage() {
  const state = useCall('label.todo', {});
  const heading = useFocusHeading<HTMLHeadingElement>(state.status !== 'loading');
  return (
    <PageMain className="label-page">
      <h1 ref={heading} tabIndex={-1}>
        À traiter
      </h1>
      {state.status === 'loading' && <Loading label="Chargement…" />}
      {state.status === 'error' && <ErrorMessage error={state.error} />}
      {state.status === 'ok' && (
        <>
          <p>
            Au {formatDate(state.data.aujourdhui)}, avec un délai d&apos;alerte de {state.data.alerteJours}{' '}
            jours (<a href="#/label/reglages">règles du label</a>).
          </p>
          <section aria-labelledby="todo-expiring-title">
            <h2 id="todo-expiring-title">
              Labels à renouveler ({plural(state.data.expiring.length, 'point')})
            </h2>
            <Expiring todo={state.data} />
          </section>
          <section aria-labelledby="todo-refreshers-title">
            <h2 id="todo-refreshers-title">
              Recyclages de formation à prévoir ({plural(state.data.refreshers.length, 'formation')})
            </h2>
            <Refreshers todo={state.data} />
          </section>
          <section aria-labelledby="todo-regularise-title">
            <h2 id="todo-regularise-title">
              Points à régulariser ({plural(state.data.toRegularise.length, 'point')})
            </h2>
            <ToRegularise todo={state.data} />
          </section>
          <OverdueActions />
        </>
      )}
    </PageMain>
  );
}
