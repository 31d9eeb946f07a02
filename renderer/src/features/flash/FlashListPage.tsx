// The authors' list of flash info: the current and scheduled ones, or the archive (past their last day), each
// with its targets, its days and how many of the agents concerned have read it.
import { FLASH_ETAT_LABELS } from '../../../../common/flash/methods';
import { formatRoute } from '../../router';
import { PageMain } from '../../ui/PageMain';
import { ErrorMessage, Loading } from '../../ui/StatusMessages';
import { useCall } from '../../ui/hooks/useCall';
import { useFocusHeading } from '../../ui/hooks/useFocusHeading';
import { formatDateRange } from '../../ui/format';
import { readCount, targetText } from './flash-format';
import '../../ui/registres.css';
import './flash.css';

export function FlashListPage({ archive }: { archive: boolean }) {
  const result = useCall('flash.list', { archive });
  const heading = useFocusHeading<HTMLHeadingElement>(true);
  const title = archive ? 'Flash info archivés' : 'Flash info';
  return (
    <PageMain className="reg-page flash-page">
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <nav className="flash-tabs" aria-label="Annonces">
        {archive ? (
          <a href={formatRoute({ name: 'flash' })}>En cours et programmées</a>
        ) : (
          <>
            <a className="button" href={formatRoute({ name: 'flashForm', id: null })} data-testid="flash-new">
              Nouvelle annonce
            </a>
            <a href={formatRoute({ name: 'flashArchives' })} data-testid="flash-archives">
              Archives
            </a>
          </>
        )}
      </nav>
      {result.status === 'loading' && <Loading label="Chargement des annonces…" />}
      {result.status === 'error' && <ErrorMessage error={result.error} />}
      {result.status === 'ok' &&
        (result.data.flash.length === 0 ? (
          <p className="muted" data-testid="flash-empty">
            {archive ? 'Aucune annonce archivée.' : 'Aucune annonce en cours ni programmée.'}
          </p>
        ) : (
          <table className="reg-table" data-testid="flash-table">
            <thead>
              <tr>
                <th scope="col">Titre</th>
                <th scope="col">Période</th>
                <th scope="col">Pour</th>
                <th scope="col">État</th>
                <th scope="col">Lecture</th>
              </tr>
            </thead>
            <tbody>
              {result.data.flash.map((flash) => (
                <tr key={flash.id} data-testid="flash-row">
                  <td>
                    <a href={formatRoute({ name: 'flashForm', id: flash.id })}>{flash.titre}</a>
                  </td>
                  <td>{formatDateRange(flash.debut, flash.fin)}</td>
                  <td>{targetText(flash)}</td>
                  <td>
                    <span className="badge">{FLASH_ETAT_LABELS[flash.etat]}</span>
                  </td>
                  <td data-testid="flash-read-count">{readCount(flash)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </PageMain>
  );
}
