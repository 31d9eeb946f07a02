import type { FormEvent } from 'react';
import { useState } from 'react';
import type { RetentionResult } from '../../../../common/journal/types';
import { call } from '../../api';
import { TextField } from '../../ui/forms/Field';
import { FormMessage } from '../../ui/forms/FormMessage';
import { useSubmit } from '../../ui/forms/useSubmit';
import { ErrorMessage, Loading } from '../../ui/StatusMessages';
import { formatDate, plural } from '../../ui/format';
import { useCall } from '../../ui/hooks/useCall';

function ranSummary(result: RetentionResult): string {
  const since = `avant le ${formatDate(result.limite)}`;
  if (result.deleted === 0 && result.recherches === 0 && result.avis === 0)
    return `Rien à regrouper : aucun contact ${since}.`;
  return (
    `${plural(result.deleted, 'contact')} ${since} regroupés en comptes quotidiens puis effacés, ` +
    `avec ${plural(result.recherches, 'recherche')} et ${plural(result.avis, 'avis', 'avis')} sur des fiches.`
  );
}

/**
 * « Conservation du journal »: how long the orientation log keeps each contact before folding it into daily
 * counts (the totals stay), applied on its own a few times a day, or now.
 */
export function RetentionSection() {
  const loaded = useCall('journal.retention.get', {});
  const [typed, setTyped] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const save = useSubmit();
  const apply = useSubmit();
  const current = loaded.status === 'ok' ? String(loaded.data.mois) : '';
  const value = typed ?? current;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setNotice(null);
    await save.run(
      () => call('journal.retention.set', { mois: Number(value) }),
      (saved) => {
        setTyped(String(saved.mois));
        setNotice(`Les contacts sont désormais conservés ${saved.mois} mois.`);
      },
    );
  };

  const onApply = async () => {
    setNotice(null);
    await apply.run(
      () => call('journal.retention.run', {}),
      (result) => setNotice(ranSummary(result)),
    );
  };

  return (
    <section className="card admin-section" aria-labelledby="retention-title" data-testid="retention">
      <h2 id="retention-title">Conservation du journal des contacts</h2>
      <p className="muted">
        Passé ce délai, chaque contact est regroupé dans les comptes quotidiens (par point, thème, canal et
        issue) puis effacé, avec les recherches et les avis sur les fiches de la même période : les totaux ne
        changent pas. Le regroupement se fait de lui-même plusieurs fois par jour.
      </p>
      {loaded.status === 'loading' && <Loading label="Chargement du délai de conservation…" />}
      {loaded.status === 'error' && (
        <ErrorMessage error={loaded.error} context="Impossible de lire le délai de conservation." />
      )}
      {loaded.status === 'ok' && (
        <form onSubmit={(event) => void onSubmit(event)} noValidate>
          <TextField
            id="retention-mois"
            label="Durée de conservation (en mois)"
            type="number"
            min={1}
            max={120}
            inputMode="numeric"
            value={value}
            onChange={(event) => setTyped(event.target.value)}
            error={save.error?.message}
            hint="24 mois par défaut."
          />
          <div className="admin-actions">
            <button type="submit" className="button" disabled={save.busy}>
              Enregistrer
            </button>
            <button
              type="button"
              className="button button-outline"
              disabled={apply.busy}
              onClick={() => void onApply()}
            >
              Appliquer maintenant
            </button>
          </div>
          <FormMessage>{apply.error?.message}</FormMessage>
        </form>
      )}
      <p role="status" className="admin-notice" data-testid="retention-notice">
        {notice}
      </p>
    </section>
  );
}
