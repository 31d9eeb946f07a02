// « Envois refusés »: the entries desks sent that the server refused (the dead letters), never dropped. An
// administrator fixes the cause (an account reactivated, an assignment recorded) and retries, or sets the
// entry aside; the answer replaces its row (still refused: the new reason shows).
import { useEffect, useMemo, useState } from 'react';
import type { RejetView } from '../../../../common/sync/methods';
import { call } from '../../api';
import { FormMessage } from '../../ui/forms/FormMessage';
import { ParentLink } from '../../ui/forms/ParentLink';
import { useSubmit } from '../../ui/forms/useSubmit';
import { PageMain } from '../../ui/PageMain';
import { ErrorMessage, Loading } from '../../ui/StatusMessages';
import { useCall } from '../../ui/hooks/useCall';
import { useFocusHeading } from '../../ui/hooks/useFocusHeading';
import { formatInstant } from '../audit/audit-format';
import { authorLabel, rejetKindLabel, rejetsCountLabel, replaceRejet } from './postesFormat';
import '../../ui/registres.css';
import './postes.css';

function Row({
  rejet,
  author,
  busy,
  onSettle,
}: {
  rejet: RejetView;
  author: string;
  busy: boolean;
  onSettle: (action: 'reessayer' | 'classer') => void;
}) {
  const [confirming, setConfirming] = useState(false);
  return (
    <tr data-testid="rejet-row" data-uid={rejet.uid}>
      <th scope="row">{rejet.poste?.nom ?? 'Poste supprimé'}</th>
      <td>{rejetKindLabel(rejet.kind)}</td>
      <td>{formatInstant(rejet.at)}</td>
      <td>{formatInstant(rejet.recuLe)}</td>
      <td className="rejets-motif" data-testid="rejet-motif">
        {rejet.motif}
      </td>
      <td>{author}</td>
      <td className="postes-actions">
        {rejet.traiteLe !== null ? (
          <span className="badge badge-closed" data-testid="rejet-traite">
            Traité le {formatInstant(rejet.traiteLe)}
          </span>
        ) : confirming ? (
          <>
            <button
              type="button"
              className="button reg-button-danger"
              disabled={busy}
              onClick={() => {
                setConfirming(false);
                onSettle('classer');
              }}
              data-testid="rejet-classer-confirm"
            >
              Confirmer : classer sans l’enregistrer
            </button>
            <button type="button" className="link-button" onClick={() => setConfirming(false)}>
              Garder
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              className="link-button"
              disabled={busy}
              onClick={() => onSettle('reessayer')}
              data-testid="rejet-reessayer"
            >
              Réessayer
            </button>
            <button
              type="button"
              className="link-button"
              disabled={busy}
              onClick={() => setConfirming(true)}
              data-testid="rejet-classer"
            >
              Classer
            </button>
          </>
        )}
      </td>
    </tr>
  );
}

export function RejetsPage() {
  const [traites, setTraites] = useState(false);
  const state = useCall('sync.rejets.list', { traites });
  const comptes = useCall('comptes.list', {});
  const heading = useFocusHeading<HTMLHeadingElement>(state.status !== 'loading');
  const [rejets, setRejets] = useState<RejetView[] | null>(null);
  const [notice, setNotice] = useState('');
  const action = useSubmit();

  useEffect(() => {
    if (state.status === 'ok' && !state.stale) setRejets(state.data.rejets);
  }, [state]);

  const names = useMemo(
    () => new Map(comptes.status === 'ok' ? comptes.data.comptes.map((c) => [c.id, c.nom] as const) : []),
    [comptes],
  );
  const open = (rejets ?? []).filter((rejet) => rejet.traiteLe === null).length;

  const settle = (rejet: RejetView, todo: 'reessayer' | 'classer') =>
    void action.run(
      () => call('sync.rejets.settle', { id: rejet.id, action: todo }),
      (settled) => {
        setRejets((list) => replaceRejet(list ?? [], settled, traites));
        setNotice(
          todo === 'classer'
            ? 'L’envoi est classé : il ne sera pas enregistré.'
            : settled.traiteLe !== null
              ? 'L’envoi est accepté et enregistré à sa date.'
              : `L’envoi est toujours refusé : ${settled.motif}`,
        );
      },
    );

  return (
    <PageMain>
      <ParentLink href="#/postes">Postes de la ville</ParentLink>
      <h1 ref={heading} tabIndex={-1}>
        Envois refusés
      </h1>
      <p className="muted">
        Ce que des postes ont envoyé et que le serveur a refusé, gardé ici sans rien perdre. Corrigez la cause
        (un compte réactivé, une affectation enregistrée…) puis « Réessayer » ; ou « Classer » ce qui ne doit
        pas être compté.
      </p>
      <div className="form-field">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={traites}
            onChange={(event) => setTraites(event.target.checked)}
            data-testid="rejets-traites"
          />
          Afficher aussi les envois déjà traités
        </label>
      </div>
      <p
        role="status"
        className={notice ? 'alert alert-success' : 'visually-hidden'}
        data-testid="rejets-notice"
      >
        {notice}
      </p>
      <FormMessage testId="rejets-error">{action.error?.message}</FormMessage>
      {state.status === 'loading' && <Loading label="Chargement des envois refusés…" />}
      {state.status === 'error' && <ErrorMessage error={state.error} />}
      {rejets && (
        <div className="table-wrap">
          <table className="data-table" data-testid="rejets-table">
            <caption>{rejetsCountLabel(open)} en attente</caption>
            <thead>
              <tr>
                <th scope="col">Poste</th>
                <th scope="col">Nature</th>
                <th scope="col">Heure au poste</th>
                <th scope="col">Reçu le</th>
                <th scope="col">Motif du refus</th>
                <th scope="col">Auteur</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {rejets.map((rejet) => (
                <Row
                  key={rejet.id}
                  rejet={rejet}
                  author={authorLabel(rejet.compteId, names)}
                  busy={action.busy}
                  onSettle={(todo) => settle(rejet, todo)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </PageMain>
  );
}
