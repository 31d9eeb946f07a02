// Correcting one of the agent's contacts of the day (journal.update): its outcome, the service, the reason, the
// thème and the channel. The fiches consulted, the time and the duration stay as logged. A refused correction
// keeps what was chosen and says why.
import type { FormEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import type { ContactSummary, ThemeRef } from '../../../../electron/api/contract';
import {
  CANAL_LABELS,
  ISSUES,
  ISSUE_LABELS,
  JOURNAL_CANAUX,
  MOTIFS,
  MOTIF_LABELS,
} from '../../../../electron/core/journal/codes';
import type { Issue, JournalCanal, Motif } from '../../../../electron/core/journal/codes';
import type { JournalEntry } from '../../../../electron/core/journal/types';
import type { ApiError } from '../../api';
import { call, toApiError } from '../../api';
import type { Correction } from './journal-format';
import { correctionOf, entryTime, updateInput } from './journal-format';

/** The services of the fiches consulted: the only ones « Orienté vers le service de la fiche » may name. */
function useFicheServices(fiches: readonly string[]): Array<{ id: string; nom: string }> {
  const [services, setServices] = useState<Array<{ id: string; nom: string }>>([]);
  const key = fiches.join(',');
  useEffect(() => {
    let live = true;
    const ids = key === '' ? [] : key.split(',');
    Promise.allSettled(ids.map((id) => call('fiches.get', { id }))).then((answers) => {
      const found = new Map<string, string>();
      for (const answer of answers)
        if (answer.status === 'fulfilled')
          for (const service of answer.value.services) found.set(service.id, service.nom);
      if (live) setServices([...found].map(([id, nom]) => ({ id, nom })));
    });
    return () => {
      live = false;
    };
  }, [key]);
  return services;
}

export function EntryForm({
  entry,
  themes,
  contacts,
  onSaved,
  onCancel,
}: {
  entry: JournalEntry;
  themes: ThemeRef[];
  contacts: ContactSummary[];
  onSaved: (entry: JournalEntry) => void;
  onCancel: () => void;
}) {
  const [correction, setCorrection] = useState<Correction>(() => correctionOf(entry));
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const ficheServices = useFicheServices(entry.fiches);
  const set = (change: Partial<Correction>) => setCorrection((current) => ({ ...current, ...change }));
  const prefix = `correction-${entry.id}`;
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), []);

  const serviceOptions = correction.issue === 'oriente_fiche' ? ficheServices : contacts;
  const orientation = correction.issue === 'oriente_fiche' || correction.issue === 'oriente_autre';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaving(true);
    try {
      onSaved(await call('journal.update', updateInput(entry.id, correction)));
    } catch (failure) {
      setError(toApiError(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="journal-form"
      onSubmit={(event) => void submit(event)}
      aria-labelledby={`${prefix}-title`}
      data-testid="correction-form"
    >
      <h2 id={`${prefix}-title`} ref={title} tabIndex={-1}>
        Corriger le contact de {entryTime(entry.horodatage)}
      </h2>
      {error && (
        <p className="alert alert-error" role="alert" data-testid="correction-error">
          {error.message}
        </p>
      )}
      <div className="journal-fields">
        <div className="journal-field">
          <label htmlFor={`${prefix}-issue`} className="field-label">
            Issue
          </label>
          <select
            id={`${prefix}-issue`}
            className="journal-select"
            value={correction.issue}
            onChange={(event) => set({ issue: event.target.value as Issue })}
            data-testid="correction-issue"
          >
            {ISSUES.map((issue) => (
              <option key={issue} value={issue}>
                {ISSUE_LABELS[issue]}
              </option>
            ))}
          </select>
        </div>
        {orientation && (
          <div className="journal-field">
            <label htmlFor={`${prefix}-service`} className="field-label">
              Service
            </label>
            <select
              id={`${prefix}-service`}
              className="journal-select"
              value={correction.serviceId}
              onChange={(event) => set({ serviceId: event.target.value })}
              data-testid="correction-service"
            >
              <option value="">Choisissez un service</option>
              {serviceOptions.map((service) => (
                <option key={service.id} value={service.id}>
                  {service.nom}
                </option>
              ))}
            </select>
          </div>
        )}
        {correction.issue === 'non_resolu' && (
          <div className="journal-field">
            <label htmlFor={`${prefix}-motif`} className="field-label">
              Motif
            </label>
            <select
              id={`${prefix}-motif`}
              className="journal-select"
              value={correction.motif}
              onChange={(event) => set({ motif: event.target.value as Motif | '' })}
              data-testid="correction-motif"
            >
              <option value="">Choisissez un motif</option>
              {MOTIFS.map((motif) => (
                <option key={motif} value={motif}>
                  {MOTIF_LABELS[motif]}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="journal-field">
          <label htmlFor={`${prefix}-theme`} className="field-label">
            Thème
          </label>
          <select
            id={`${prefix}-theme`}
            className="journal-select"
            value={correction.theme}
            onChange={(event) => set({ theme: event.target.value })}
            data-testid="correction-theme"
          >
            <option value="">{entry.theme ? 'Inchangé' : 'Aucun'}</option>
            {themes.map((theme) => (
              <option key={theme.id} value={theme.id}>
                {theme.libelle}
              </option>
            ))}
          </select>
        </div>
        <div className="journal-field">
          <label htmlFor={`${prefix}-canal`} className="field-label">
            Canal
          </label>
          <select
            id={`${prefix}-canal`}
            className="journal-select"
            value={correction.canal}
            onChange={(event) => set({ canal: event.target.value as JournalCanal })}
            data-testid="correction-canal"
          >
            {JOURNAL_CANAUX.map((canal) => (
              <option key={canal} value={canal}>
                {CANAL_LABELS[canal]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="journal-actions">
        <button type="submit" className="button" disabled={saving} data-testid="correction-save">
          Enregistrer la correction
        </button>
        <button type="button" className="button journal-button-secondary" onClick={onCancel}>
          Annuler
        </button>
      </div>
    </form>
  );
}
