// The public register of labelled points: a page that prints on its own (menu and buttons hidden) and a CSV
// export for Excel, both from the core.
import { useState } from 'react';
import { ENTITE_NAMES, TYPE_NAMES } from '../../../../common/points/methods';
import type { ApiError } from '../../api';
import { call, toApiError } from '../../api';
import { downloadCsv } from '../../ui/forms/downloadFile';
import { PageMain } from '../../ui/PageMain';
import { ErrorMessage, Loading } from '../../ui/StatusMessages';
import { formatDate, plural } from '../../ui/format';
import { useCall } from '../../ui/hooks/useCall';
import { useFocusHeading } from '../../ui/hooks/useFocusHeading';
import './label.css';

export function RegistrePage() {
  const state = useCall('label.register', {});
  const heading = useFocusHeading<HTMLHeadingElement>(state.status !== 'loading');
  const [exportError, setExportError] = useState<ApiError | null>(null);

  const exportCsv = async () => {
    setExportError(null);
    try {
      downloadCsv(await call('label.registerCsv', {}));
    } catch (error) {
      setExportError(toApiError(error));
    }
  };

  return (
    <PageMain className="label-page registre-page">
      <h1 ref={heading} tabIndex={-1}>
        Registre des points d&apos;accueil labellisés Info&apos;Cité
      </h1>
      <div className="label-actions registre-actions">
        <button type="button" className="button" onClick={() => window.print()} data-testid="registre-print">
          Imprimer
        </button>
        <button
          type="button"
          className="button button-outline"
          onClick={() => void exportCsv()}
          data-testid="registre-csv"
        >
          Exporter en CSV
        </button>
      </div>
      {exportError && <ErrorMessage error={exportError} context="L'export n'a pas pu être fait." />}
      {state.status === 'loading' && <Loading label="Chargement du registre…" />}
      {state.status === 'error' && <ErrorMessage error={state.error} />}
      {state.status === 'ok' && (
        <>
          <p data-testid="registre-count">
            {plural(state.data.points.length, 'point labellisé', 'points labellisés')} au{' '}
            {formatDate(state.data.aujourdhui)}.
          </p>
          {state.data.points.length === 0 ? (
            <p>Aucun point n&apos;est labellisé aujourd&apos;hui.</p>
          ) : (
            <div className="table-wrap">
              <table className="label-table" data-testid="registre-table">
                <caption className="visually-hidden">Points d&apos;accueil labellisés</caption>
                <thead>
                  <tr>
                    <th scope="col">Entité</th>
                    <th scope="col">Point d&apos;accueil</th>
                    <th scope="col">Type</th>
                    <th scope="col">Adresse</th>
                    <th scope="col">Horaires</th>
                    <th scope="col">Labellisé le</th>
                    <th scope="col">Expire le</th>
                  </tr>
                </thead>
                <tbody>
                  {state.data.points.map((row) => (
                    <tr key={row.pointId} data-testid="registre-row">
                      <td>{ENTITE_NAMES[row.entite]}</td>
                      <th scope="row">{row.nom}</th>
                      <td>{TYPE_NAMES[row.type]}</td>
                      <td>{row.adresse}</td>
                      <td>{row.horaires}</td>
                      <td>{formatDate(row.labelliseLe)}</td>
                      <td>{formatDate(row.expireLe)}</td>
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
