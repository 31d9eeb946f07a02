// The accounts: who may use the app, with which roles; locked accounts stand out.
import { ROLE_LABELS } from '../../../../common/roles';
import type { CompteSummary } from '../../../../common/comptes/methods';
import { PageMain } from '../../ui/PageMain';
import { ErrorMessage, Loading } from '../../ui/StatusMessages';
import { plural } from '../../ui/format';
import { useCall } from '../../ui/hooks/useCall';
import { useFocusHeading } from '../../ui/hooks/useFocusHeading';
import { formatInstant } from '../audit/audit-format';
import { isLocked } from './compteState';
import '../auth/auth.css';

function Row({ compte, now }: { compte: CompteSummary; now: number }) {
  const locked = isLocked(compte, now);
  return (
    <tr data-testid="compte-row" data-identifiant={compte.identifiant}>
      <th scope="row">
        <a href={`#/comptes/${compte.id}`}>{compte.identifiant}</a>
      </th>
      <td>{compte.nom}</td>
      <td>{compte.roles.map((role) => ROLE_LABELS[role]).join(', ')}</td>
      <td>{compte.agent?.nom ?? '—'}</td>
      <td>
        {compte.actif ? (
          <span className="badge badge-open">Actif</span>
        ) : (
          <span className="badge badge-closed">Inactif</span>
        )}
      </td>
      <td>
        {locked ? (
          <span className="badge badge-error" data-testid="compte-locked">
            Verrouillé
          </span>
        ) : (
          'Non'
        )}
      </td>
      <td>{compte.derniereConnexion ? formatInstant(compte.derniereConnexion) : 'Jamais'}</td>
    </tr>
  );
}

export function ComptesPage() {
  const state = useCall('comptes.list', {});
  const heading = useFocusHeading<HTMLHeadingElement>(state.status !== 'loading');
  const now = Date.now();

  return (
    <PageMain>
      <div className="page-head">
        <h1 ref={heading} tabIndex={-1}>
          Comptes
        </h1>
        <a className="button" href="#/comptes/nouveau" data-testid="compte-new">
          Nouveau compte
        </a>
      </div>
      {state.status === 'loading' && <Loading label="Chargement des comptes…" />}
      {state.status === 'error' && <ErrorMessage error={state.error} />}
      {state.status === 'ok' && (
        <div className="table-wrap">
          <table className="data-table" data-testid="comptes-table">
            <caption>{plural(state.data.comptes.length, 'compte')}</caption>
            <thead>
              <tr>
                <th scope="col">Identifiant</th>
                <th scope="col">Nom</th>
                <th scope="col">Rôles</th>
                <th scope="col">Agent</th>
                <th scope="col">État</th>
                <th scope="col">Verrouillé</th>
                <th scope="col">Dernière connexion</th>
              </tr>
            </thead>
            <tbody>
              {state.data.comptes.map((compte) => (
                <Row key={compte.id} compte={compte} now={now} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </PageMain>
  );
}
