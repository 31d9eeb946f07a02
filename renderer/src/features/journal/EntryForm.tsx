// Correcting one of the agent's contacts of the day (journal.update): its outcome, the service, the reason, the
// thème and the channel. The fiches consulted, the time and the duration stay as logged. A refused correction
// keeps what was chosen and says why.
import type { FormEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import type { ContactSummary, ThemeRef } from '../../../../common/contract';
import {
  CANAL_LABELS,
  ISSUES,
  ISSUE_LABELS,
  JOURNAL_CANAUX,
  MOTIFS,
  MOTIF_LABELS,
} from '../../../../common/journal/codes';
import type { Issue, JournalCanal, Motif } from '../../../../common/journal/codes';
import type { JournalEntry } from '../../../../common/journal/types';
import type { ApiError } from '../../api';
import { call, toApiError } from '../../api';
import { SelectField } from '../../ui/forms/Field';
import type { Correction } from './journal-format';
import { correctionOf, entryTime, updateInput } from './journal-format';

/** The services of the fiches consulted: the only ones « Orienté vers le service de la fiche » may name. */
function useFicheServices(fiches: readonly string[]): Array<{ id: string; nom: string }> {
  const [services, setServices] = useState<Array<{ id: string; nom: string }>>([]);
  const key = fiches.join(',');
  useEffect(() => {
    let live = true;
    const ids = key === '' ? [] : key.split(',');
    void Promise.allSettled(ids.map((id) => call('fiches.get', { id }))).then((answers) => {
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
        <SelectField
          id={`${prefix}-issue`}
          label="Issue"
          value={correction.issue}
          onChange={(event) => set({ issue: event.target.value as Issue })}
          options={ISSUES.map((issue) => ({ value: issue, label: ISSUE_LABELS[issue] }))}
          data-testid="correction-issue"
        />
        {orientation && (
          <SelectField
            id={`${prefix}-service`}
            label="Service"
            value={correction.serviceId}
            onChange={(event) => set({ serviceId: event.target.value })}
            placeholder="Choisissez un service"
            options={serviceOptions.map((service) => ({ value: service.id, label: service.nom }))}
            data-testid="correction-service"
          />
        )}
        {correction.issue === 'non_resolu' && (
          <SelectField
            id={`${prefix}-motif`}
            label="Motif"
            value={correction.motif}
            onChange={(event) => set({ motif: event.target.value as Motif | '' })}
            placeholder="Choisissez un motif"
            options={MOTIFS.map((motif) => ({ value: motif, label: MOTIF_LABELS[motif] }))}
            data-testid="correction-motif"
          />
        )}
        <SelectField
          id={`${prefix}-theme`}
          label="Thème"
          value={correction.theme}
          onChange={(event) => set({ theme: event.target.value })}
          placeholder={entry.theme ? 'Inchangé' : 'Aucun'}
          options={themes.map((theme) => ({ value: theme.id, label: theme.libelle }))}
          data-testid="correction-theme"
        />
        <SelectField
          id={`${prefix}-canal`}
          label="Canal"
          value={correction.canal}
          onChange={(event) => set({ canal: event.target.value as JournalCanal })}
          options={JOURNAL_CANAUX.map((canal) => ({ value: canal, label: CANAL_LABELS[canal] }))}
          data-testid="correction-canal"
        />
      </div>
      <div className="journal-actions">
        <button type="submit" className="button" disabled={saving} data-testid="correction-save">
          Enregistrer la correction
        </button>
        <button type="button" className="button button-outline" onClick={onCancel}>
          Annuler
        </button>
      </div>
    </form>
  );
}
