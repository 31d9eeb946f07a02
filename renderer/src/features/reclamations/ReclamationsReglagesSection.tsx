// « Réclamations et suggestions » in Réglages: the delay announced to citizens per type (it fixes each new
// one's due date) and how long their contact details are kept after closing (then erased, the counts kept).
import type { FormEvent } from 'react';
import { useState } from 'react';
import { call } from '../../api';
import { TextField } from '../../ui/forms/Field';
import { useSubmit } from '../../ui/forms/useSubmit';
import { ErrorMessage, Loading } from '../../ui/StatusMessages';
import { useCall } from '../../ui/hooks/useCall';

export function ReclamationsReglagesSection() {
  const loaded = useCall('reclamations.reglages.get', {});
  const [typed, setTyped] = useState<{ reclamation: string; suggestion: string; retention: string } | null>(
    null,
  );
  const [notice, setNotice] = useState<string | null>(null);
  const save = useSubmit();
  const current =
    loaded.status === 'ok'
      ? {
          reclamation: String(loaded.data.delais.reclamation),
          suggestion: String(loaded.data.delais.suggestion),
          retention: String(loaded.data.retentionMois),
        }
      : { reclamation: '', suggestion: '', retention: '' };
  const value = typed ?? current;
  const errorOf = (field: string) => (save.error?.field === field ? save.error.message : undefined);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setNotice(null);
    await save.run(
      () =>
        call('reclamations.reglages.set', {
          delais: { reclamation: Number(value.reclamation), suggestion: Number(value.suggestion) },
          retentionMois: Number(value.retention),
        }),
      () => setNotice('Réglages des réclamations enregistrés.'),
    );
  };

  return (
    <section className="card admin-section" aria-labelledby="reclamations-reglages-title">
      <h2 id="reclamations-reglages-title">Réclamations et suggestions</h2>
      {loaded.status === 'loading' && <Loading label="Chargement…" />}
      {loaded.status === 'error' && <ErrorMessage error={loaded.error} />}
      {loaded.status === 'ok' && (
        <form onSubmit={(event) => void onSubmit(event)} noValidate>
          <TextField
            id="delai-reclamation"
            label="Délai de réponse annoncé pour une réclamation (jours)"
            type="number"
            min={1}
            value={value.reclamation}
            onChange={(event) => setTyped({ ...value, reclamation: event.target.value })}
            error={errorOf('delais')}
          />
          <TextField
            id="delai-suggestion"
            label="Délai de réponse annoncé pour une suggestion (jours)"
            type="number"
            min={1}
            value={value.suggestion}
            onChange={(event) => setTyped({ ...value, suggestion: event.target.value })}
          />
          <TextField
            id="reclamations-retention"
            label="Conservation des coordonnées après clôture (mois)"
            type="number"
            min={1}
            max={120}
            value={value.retention}
            onChange={(event) => setTyped({ ...value, retention: event.target.value })}
            error={errorOf('retentionMois')}
            hint="Ensuite, les coordonnées et les textes sont effacés ; les comptes et les délais restent."
          />
          <button type="submit" className="button" disabled={save.busy}>
            Enregistrer
          </button>
        </form>
      )}
      <p role="status" className="admin-notice">
        {notice}
      </p>
    </section>
  );
}
