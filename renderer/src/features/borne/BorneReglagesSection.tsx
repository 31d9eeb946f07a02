import type { FormEvent } from 'react';
import { useState } from 'react';
import type { BorneReglageView } from '../../../../common/borne/methods';
import { SATISFACTION_LABELS, SATISFACTION_NOTES } from '../../../../common/borne/satisfaction';
import { call } from '../../api';
import { TextField } from '../../ui/forms/Field';
import { useSubmit } from '../../ui/forms/useSubmit';
import { ErrorMessage, Loading } from '../../ui/StatusMessages';
import { useCall } from '../../ui/hooks/useCall';

interface Draft {
  delai: string;
  impression: boolean;
  satisfaction: boolean;
}

function draftOf(view: BorneReglageView): Draft {
  return {
    delai: String(view.reglage.delaiInactivite),
    impression: view.reglage.impression,
    satisfaction: view.reglage.satisfaction,
  };
}

/**
 * « Borne d'accueil » in Réglages: how long the kiosk waits before going back to its home and forgetting the
 * visit, whether it prints and asks for the satisfaction tap, and the taps counted so far.
 */
export function BorneReglagesSection() {
  const loaded = useCall('borne.reglage.get', {});
  const [saved, setSaved] = useState<BorneReglageView | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const save = useSubmit();
  const view = saved ?? (loaded.status === 'ok' ? loaded.data : null);
  const form = draft ?? (view ? draftOf(view) : null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!form) return;
    setNotice(null);
    await save.run(
      () =>
        call('borne.reglage.set', {
          delaiInactivite: Number(form.delai),
          impression: form.impression,
          satisfaction: form.satisfaction,
        }),
      (answer) => {
        setSaved(answer);
        setDraft(null);
        setNotice('Réglages de la borne enregistrés : ils s’appliquent dès la prochaine visite.');
      },
    );
  };

  return (
    <section className="card admin-section" aria-labelledby="borne-reglage-title" data-testid="borne-reglage">
      <h2 id="borne-reglage-title">Borne d’accueil</h2>
      <p className="muted">
        La borne (adresse /borne, ou l’application lancée avec --borne) montre sans identification les fiches
        publiées, les services et leurs horaires. Après ce délai sans contact, elle revient à l’accueil et
        efface tout ce qui a été cherché ou lu.
      </p>
      {loaded.status === 'loading' && <Loading label="Chargement des réglages de la borne…" />}
      {loaded.status === 'error' && (
        <ErrorMessage error={loaded.error} context="Impossible de lire les réglages de la borne." />
      )}
      {form && view && (
        <form onSubmit={(event) => void onSubmit(event)} noValidate>
          <TextField
            id="borne-delai"
            label="Retour à l’accueil après (secondes sans contact)"
            type="number"
            min={15}
            max={900}
            inputMode="numeric"
            value={form.delai}
            onChange={(event) => setDraft({ ...form, delai: event.target.value })}
            error={save.error?.field === 'delaiInactivite' ? save.error.message : undefined}
            hint="90 secondes par défaut, de 15 à 900."
          />
          <label className="reg-check">
            <input
              type="checkbox"
              checked={form.impression}
              onChange={(event) => setDraft({ ...form, impression: event.target.checked })}
            />
            Proposer d’imprimer les fiches (une imprimante est reliée à la borne)
          </label>
          <label className="reg-check">
            <input
              type="checkbox"
              checked={form.satisfaction}
              onChange={(event) => setDraft({ ...form, satisfaction: event.target.checked })}
            />
            Demander « Avez-vous trouvé ce que vous cherchiez ? » (une touche, anonyme)
          </label>
          <div className="admin-actions">
            <button type="submit" className="button" disabled={save.busy}>
              Enregistrer
            </button>
          </div>
          {save.error && save.error.field !== 'delaiInactivite' && (
            <p role="alert" className="field-error">
              {save.error.message}
            </p>
          )}
        </form>
      )}
      {view && (
        <table className="admin-table" data-testid="borne-satisfaction-counts">
          <caption>Réponses à la borne</caption>
          <thead>
            <tr>
              <th scope="col">Réponse</th>
              <th scope="col">30 derniers jours</th>
              <th scope="col">Depuis le début</th>
            </tr>
          </thead>
          <tbody>
            {SATISFACTION_NOTES.map((note) => (
              <tr key={note}>
                <th scope="row">{SATISFACTION_LABELS[note].libelle}</th>
                <td>{view.satisfaction.trenteJours[note]}</td>
                <td>{view.satisfaction.total[note]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p role="status" className="admin-notice">
        {notice}
      </p>
    </section>
  );
}
