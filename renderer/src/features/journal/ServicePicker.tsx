// « Orienté vers un autre service »: the directory searched as the agent types (contacts.search); Entrée takes
// the first service listed, Échap goes back to the outcomes.
import type { KeyboardEvent } from 'react';
import { useState } from 'react';
import { useCall } from '../../ui/hooks/useCall';
import type { ServiceRef } from './demande-state';

const LIMIT = 8;

export function ServicePicker({
  onChoose,
  onCancel,
}: {
  onChoose: (service: ServiceRef) => void;
  onCancel: () => void;
}) {
  const [q, setQ] = useState('');
  const found = useCall('contacts.search', { q, limit: LIMIT }, { keepPrevious: true });
  const services = found.status === 'ok' ? found.data.results : [];

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const first = services[0];
      if (first) onChoose({ id: first.id, nom: first.nom });
    }
  };

  return (
    <div className="outcome-panel" data-testid="service-picker">
      <label htmlFor="outcome-service" className="field-label">
        Service vers lequel le contact est orienté
      </label>
      <input
        id="outcome-service"
        className="text-input"
        type="search"
        autoComplete="off"
        spellCheck={false}
        autoFocus
        value={q}
        onChange={(event) => setQ(event.target.value)}
        onKeyDown={onKeyDown}
        aria-describedby="outcome-service-help"
        data-testid="service-picker-input"
      />
      <p id="outcome-service-help" className="hint">
        <kbd>Entrée</kbd> choisit le premier service de la liste, <kbd>Échap</kbd> revient aux issues.
      </p>
      {found.status === 'error' && (
        <p role="alert" className="outcome-error">
          {found.error.message}
        </p>
      )}
      <ul className="outcome-services" aria-label="Services trouvés">
        {services.map((service) => (
          <li key={service.id}>
            <button
              type="button"
              className="outcome-choice"
              onClick={() => onChoose({ id: service.id, nom: service.nom })}
              data-testid="service-picker-option"
              data-id={service.id}
            >
              {service.nom}
              <span className="muted"> – {service.commune}</span>
            </button>
          </li>
        ))}
      </ul>
      {found.status === 'ok' && services.length === 0 && <p className="muted">Aucun service trouvé.</p>}
    </div>
  );
}
