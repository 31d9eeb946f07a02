// « Postes de la ville »: the desks enrolled with the city's server, a new desk and its one-time code, a new
// code or a revocation per desk, and how many of their sends the server refused (to look at, never lost).
import { useEffect, useState } from 'react';
import type { PosteCree, PosteView } from '../../../../common/postes/methods';
import { POSTE_ETAT_LABELS } from '../../../../common/postes/methods';
import { call } from '../../api';
import { FormMessage } from '../../ui/forms/FormMessage';
import { useSubmit } from '../../ui/forms/useSubmit';
import { PageMain } from '../../ui/PageMain';
import { ErrorMessage, Loading } from '../../ui/StatusMessages';
import { plural } from '../../ui/format';
import { useCall } from '../../ui/hooks/useCall';
import { useFocusHeading } from '../../ui/hooks/useFocusHeading';
import { formatInstant } from '../audit/audit-format';
import { CodePanel } from './CodePanel';
import { NouveauPoste } from './NouveauPoste';
import { rejetsCountLabel } from './postesFormat';
import '../../ui/registres.css';
import './postes.css';

const ETAT_BADGES: Record<PosteView['etat'], string> = {
  en_attente: 'badge badge-warning',
  inscrit: 'badge badge-open',
  revoque: 'badge badge-closed',
};

function when(iso: string | null, none = '—'): string {
  return iso ? formatInstant(iso) : none;
}

function Row({
  poste,
  busy,
  onNewCode,
  onRevoke,
}: {
  poste: PosteView;
  busy: boolean;
  onNewCode: () => void;
  onRevoke: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  return (
    <tr data-testid="poste-row" data-nom={poste.nom}>
      <th scope="row">{poste.nom}</th>
      <td>{poste.point.nom}</td>
      <td>
        <span className={ETAT_BADGES[poste.etat]} data-testid="poste-etat">
          {POSTE_ETAT_LABELS[poste.etat]}
        </span>
      </td>
      <td>{when(poste.inscritLe)}</td>
      <td>{when(poste.vuLe, 'Jamais')}</td>
      <td>{poste.etat === 'en_attente' ? when(poste.codeExpireLe) : '—'}</td>
      <td className="postes-actions">
        {confirming ? (
          <>
            <button
              type="button"
              className="button reg-button-danger"
              disabled={busy}
              onClick={() => {
                setConfirming(false);
                onRevoke();
              }}
              data-testid="poste-revoke-confirm"
            >
              Confirmer la révocation
            </button>
            <button type="button" className="link-button" onClick={() => setConfirming(false)}>
              Garder le poste
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              className="link-button"
              disabled={busy}
              onClick={onNewCode}
              aria-label={`Nouveau code d’inscription pour « ${poste.nom} »`}
              data-testid="poste-new-code"
            >
              Nouveau code
            </button>
            {poste.etat !== 'revoque' && (
              <button
                type="button"
                className="link-button"
                disabled={busy}
                onClick={() => setConfirming(true)}
                aria-label={`Révoquer le poste « ${poste.nom} »`}
                data-testid="poste-revoke"
              >
                Révoquer
              </button>
            )}
          </>
        )}
      </td>
    </tr>
  );
}

function RejetsLink() {
  const rejets = useCall('sync.rejets.list', {});
  if (rejets.status !== 'ok') return null;
  const count = rejets.data.rejets.length;
  return (
    <p data-testid="postes-rejets">
      <a href="#/postes/envois-refuses" className={count > 0 ? 'badge badge-error' : undefined}>
        {rejetsCountLabel(count)}
      </a>
      {count > 0 && ' à examiner : les entrées que des postes ont envoyées et que le serveur a refusées.'}
    </p>
  );
}

export function PostesPage() {
  const state = useCall('postes.list', {});
  const heading = useFocusHeading<HTMLHeadingElement>(state.status !== 'loading');
  const [postes, setPostes] = useState<PosteView[] | null>(null);
  const [created, setCreated] = useState<PosteCree | null>(null);
  const [notice, setNotice] = useState('');
  const action = useSubmit();

  useEffect(() => {
    if (state.status === 'ok') setPostes(state.data.postes);
  }, [state]);

  const replace = (poste: PosteView) =>
    setPostes((list) =>
      (list ?? []).some((p) => p.id === poste.id)
        ? (list ?? []).map((p) => (p.id === poste.id ? poste : p))
        : [...(list ?? []), poste],
    );

  const showCode = (answer: PosteCree) => {
    replace(answer.poste);
    setNotice('');
    setCreated(answer);
    // The code is the one thing to read now.
    requestAnimationFrame(() => document.getElementById('postes-code-title')?.focus());
  };

  return (
    <PageMain>
      <div className="page-head">
        <h1 ref={heading} tabIndex={-1}>
          Postes de la ville
        </h1>
      </div>
      <p className="muted">
        Chaque poste relié au serveur de la ville est inscrit une fois, avec un code à usage unique, pour un
        point d’accueil. Révoquer un poste lui retire l’accès aussitôt ; un nouveau code remplace son
        inscription.
      </p>
      <RejetsLink />
      {created && <CodePanel created={created} onClose={() => setCreated(null)} />}
      <p
        role="status"
        className={notice ? 'alert alert-success' : 'visually-hidden'}
        data-testid="postes-notice"
      >
        {notice}
      </p>
      <FormMessage testId="postes-error">{action.error?.message}</FormMessage>
      {state.status === 'loading' && <Loading label="Chargement des postes…" />}
      {state.status === 'error' && <ErrorMessage error={state.error} />}
      {postes && (
        <div className="table-wrap">
          <table className="data-table" data-testid="postes-table">
            <caption>{plural(postes.length, 'poste')}</caption>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Point d’accueil</th>
                <th scope="col">État</th>
                <th scope="col">Inscrit le</th>
                <th scope="col">Vu le</th>
                <th scope="col">Code valable jusqu’au</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {postes.map((poste) => (
                <Row
                  key={poste.id}
                  poste={poste}
                  busy={action.busy}
                  onNewCode={() => void action.run(() => call('postes.newCode', { id: poste.id }), showCode)}
                  onRevoke={() =>
                    void action.run(
                      () => call('postes.revoke', { id: poste.id }),
                      (revoked) => {
                        replace(revoked);
                        if (created?.poste.id === revoked.id) setCreated(null);
                        setNotice(`Le poste « ${revoked.nom} » est révoqué.`);
                      },
                    )
                  }
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <NouveauPoste onCreated={showCode} />
    </PageMain>
  );
}
