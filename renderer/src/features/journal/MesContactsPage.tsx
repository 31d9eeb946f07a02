// The agent's contacts of the day (journal.mine): each can be corrected (journal.update) or deleted
// (journal.cancel) until midnight; the core refuses older or other people's entries on its own.
import { useRef, useState } from 'react';
import { CANAL_LABELS } from '../../../../common/journal/codes';
import type { JournalEntry } from '../../../../common/journal/types';
import type { ApiError } from '../../api';
import { call, toApiError } from '../../api';
import { PageMain } from '../../ui/PageMain';
import { ErrorMessage, Loading } from '../../ui/StatusMessages';
import { formatDate, plural } from '../../ui/format';
import { useCall } from '../../ui/hooks/useCall';
import { useFocusHeading } from '../../ui/hooks/useFocusHeading';
import { EntryForm } from './EntryForm';
import { entryDuration, entryOutcome, entryTime } from './journal-format';
import './journal.css';

export function MesContactsPage() {
  const [version, setVersion] = useState(0);
  const mine = useCall('journal.mine', {}, { refresh: String(version) });
  const themes = useCall('themes.list', {});
  const contacts = useCall('contacts.search', { q: '', limit: 500 });
  const heading = useFocusHeading<HTMLHeadingElement>(mine.status !== 'loading');
  const [editing, setEditing] = useState<number | null>(null);
  const [deleting, setDeleting] = useState<number | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);

  const themeName = (id: string | null) =>
    id === null
      ? '–'
      : themes.status === 'ok'
        ? (themes.data.themes.find((theme) => theme.id === id)?.libelle ?? id)
        : id;
  const serviceName = (id: string | null) =>
    id === null
      ? '–'
      : contacts.status === 'ok'
        ? (contacts.data.results.find((contact) => contact.id === id)?.nom ?? id)
        : id;

  const done = (text: string) => {
    setMessage(text);
    setVersion((value) => value + 1);
    // Back to the list from a form or a button that is gone: the message says what happened.
    statusRef.current?.focus();
  };

  const remove = async (entry: JournalEntry) => {
    setError(null);
    try {
      await call('journal.cancel', { id: entry.id });
      setDeleting(null);
      done(`Le contact de ${entryTime(entry.horodatage)} a été supprimé.`);
    } catch (failure) {
      setError(toApiError(failure));
    }
  };

  const editedEntry =
    mine.status === 'ok' && editing !== null
      ? mine.data.entries.find((entry) => entry.id === editing)
      : undefined;

  return (
    <PageMain className="journal-page">
      <h1 ref={heading} tabIndex={-1}>
        Mes contacts du jour
      </h1>
      <p className="hint">
        Les contacts que vous avez enregistrés aujourd&apos;hui. Vous pouvez corriger ou supprimer chacun
        d&apos;eux jusqu&apos;à ce soir ; ils ne contiennent aucune donnée sur la personne reçue.
      </p>
      <p ref={statusRef} tabIndex={-1} role="status" className="journal-status" data-testid="journal-status">
        {message}
      </p>
      {error && <ErrorMessage error={error} />}
      {mine.status === 'loading' && <Loading label="Chargement de vos contacts…" />}
      {mine.status === 'error' && <ErrorMessage error={mine.error} />}
      {mine.status === 'ok' && (
        <>
          <p data-testid="journal-count">
            {plural(mine.data.entries.length, 'contact enregistré', 'contacts enregistrés')} le{' '}
            {formatDate(mine.data.jour)}.
          </p>
          {mine.data.entries.length > 0 && (
            <div className="table-wrap">
              <table className="journal-table" data-testid="journal-table">
                <caption className="visually-hidden">Mes contacts du {formatDate(mine.data.jour)}</caption>
                <thead>
                  <tr>
                    <th scope="col">Heure</th>
                    <th scope="col">Issue</th>
                    <th scope="col">Service</th>
                    <th scope="col">Thème</th>
                    <th scope="col">Canal</th>
                    <th scope="col">Durée</th>
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {mine.data.entries.map((entry) => (
                    <tr key={entry.id} data-testid="journal-row" data-id={entry.id}>
                      <th scope="row">{entryTime(entry.horodatage)}</th>
                      <td data-testid="journal-issue">{entryOutcome(entry)}</td>
                      <td>{serviceName(entry.serviceId)}</td>
                      <td>{themeName(entry.theme)}</td>
                      <td>{CANAL_LABELS[entry.canal]}</td>
                      <td>{entryDuration(entry.dureeS)}</td>
                      <td className="journal-row-actions">
                        {deleting === entry.id ? (
                          <>
                            <button
                              type="button"
                              className="button journal-button-danger"
                              onClick={() => void remove(entry)}
                              data-testid="journal-delete-confirm"
                            >
                              Confirmer la suppression
                            </button>
                            <button type="button" className="link-button" onClick={() => setDeleting(null)}>
                              Garder
                            </button>
                          </>
                        ) : (
                          <>
                            <button
                              type="button"
                              className="link-button"
                              onClick={() => {
                                setMessage('');
                                setEditing(entry.id);
                              }}
                              aria-label={`Corriger le contact de ${entryTime(entry.horodatage)}`}
                              data-testid="journal-edit"
                            >
                              Corriger
                            </button>
                            <button
                              type="button"
                              className="link-button"
                              onClick={() => setDeleting(entry.id)}
                              aria-label={`Supprimer le contact de ${entryTime(entry.horodatage)}`}
                              data-testid="journal-delete"
                            >
                              Supprimer
                            </button>
                          </>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {editedEntry && (
            <EntryForm
              key={editedEntry.id}
              entry={editedEntry}
              themes={themes.status === 'ok' ? themes.data.themes : []}
              contacts={contacts.status === 'ok' ? contacts.data.results : []}
              onSaved={(entry) => {
                setEditing(null);
                done(`Le contact de ${entryTime(entry.horodatage)} a été corrigé.`);
              }}
              onCancel={() => setEditing(null)}
            />
          )}
        </>
      )}
    </PageMain>
  );
}
