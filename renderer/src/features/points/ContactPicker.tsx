// Picks the knowledge base's contact (service) that describes a reception point: type a few letters, the
// directory's matches appear as buttons, the chosen one is shown with a way to remove it.
import { useState } from 'react';
import { ErrorMessage } from '../../ui/StatusMessages';
import { useCall } from '../../ui/hooks/useCall';

export interface ChosenContact {
  id: string;
  nom: string | null;
}

const ID = 'point-contact-search';

export function ContactPicker({
  value,
  onChange,
  error,
}: {
  value: ChosenContact | null;
  onChange(contact: ChosenContact | null): void;
  error?: string | null;
}) {
  const [q, setQ] = useState('');
  const query = q.trim();
  const search = useCall('contacts.search', { q: query, limit: 8 }, { enabled: query.length >= 2 });
  const results = query.length >= 2 && search.status === 'ok' ? search.data.results : [];

  return (
    <fieldset className="reg-fieldset reg-field-wide" data-testid="contact-picker">
      <legend>Service de l&apos;annuaire qui décrit ce point</legend>
      {value ? (
        <p className="reg-chosen">
          <span data-testid="contact-chosen">
            <strong>{value.nom ?? 'Service introuvable dans l’annuaire'}</strong>{' '}
            <span className="muted">({value.id})</span>
          </span>
          <button type="button" className="button button-outline button-small" onClick={() => onChange(null)}>
            Retirer ce service
          </button>
        </p>
      ) : (
        <p className="muted">Aucun service choisi (facultatif).</p>
      )}
      <div className="form-field">
        <label htmlFor={ID} className="field-label">
          Rechercher un service
        </label>
        <input
          id={ID}
          className="text-input"
          type="search"
          value={q}
          onChange={(event) => setQ(event.target.value)}
          autoComplete="off"
          aria-describedby={error ? `${ID}-error ${ID}-hint` : `${ID}-hint`}
          aria-invalid={error ? true : undefined}
          data-testid={ID}
        />
        <p id={`${ID}-hint`} className="hint">
          Au moins deux lettres du nom du service (par exemple « mairie »).
        </p>
        {error && (
          <p id={`${ID}-error`} className="field-error">
            {error}
          </p>
        )}
      </div>
      {search.status === 'error' && query.length >= 2 && <ErrorMessage error={search.error} />}
      {results.length > 0 && (
        <ul className="reg-picker-results" aria-label="Services trouvés">
          {results.map((contact) => (
            <li key={contact.id}>
              <span>
                {contact.nom} <span className="muted">– {contact.commune}</span>
              </span>
              <button
                type="button"
                className="button button-small"
                onClick={() => {
                  onChange({ id: contact.id, nom: contact.nom });
                  setQ('');
                }}
                data-testid="contact-choose"
              >
                Choisir<span className="visually-hidden"> {contact.nom}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {query.length >= 2 && search.status === 'ok' && results.length === 0 && (
        <p className="muted" role="status">
          Aucun service ne correspond à « {query} ».
        </p>
      )}
    </fieldset>
  );
}
