// The published results, per point or for the whole city, in the Services Publics+ spirit: satisfaction, delays
// kept, answers at the first contact, the label and what it promises. On screen, as a printable A4 poster (PDF
// through the app's print path) and as CSV. Reads `resultats.public`, which holds no personal data.
import { useState } from 'react';
import type { ResultatsPublics } from '../../../../common/resultats/methods';
import { call, savePageAsPdf, toApiError } from '../../api';
import { SelectField } from '../../ui/forms/Field';
import { FormMessage } from '../../ui/forms/FormMessage';
import { downloadCsv } from '../../ui/forms/downloadFile';
import { PageMain } from '../../ui/PageMain';
import { ErrorMessage, Loading } from '../../ui/StatusMessages';
import { formatDateRange } from '../../ui/format';
import { useCall } from '../../ui/hooks/useCall';
import './resultats.css';

const pct = (value: number | null) => (value === null ? '—' : `${value.toLocaleString('fr-FR')} %`);

function Figure({ value, label, testId }: { value: string; label: string; testId: string }) {
  return (
    <div className="resultat-figure" data-testid={testId}>
      <strong>{value}</strong>
      <span>{label}</span>
    </div>
  );
}

function Poster({ r }: { r: ResultatsPublics }) {
  return (
    <article className="resultats-poster" aria-labelledby="resultats-title">
      <h2 id="resultats-title">Nos résultats — {r.perimetre.nom}</h2>
      <p className="muted">
        {formatDateRange(r.du, r.au)}
        {r.enCours ? ' (période en cours)' : ''}
      </p>
      <div className="resultats-figures">
        <Figure
          testId="resultat-satisfaction"
          value={pct(r.satisfaction.taux)}
          label={`d’usagers satisfaits (${r.satisfaction.reponses.toLocaleString('fr-FR')} avis)`}
        />
        <Figure
          testId="resultat-delais"
          value={pct(r.reclamations.tauxDelaisTenus)}
          label={`des réclamations répondues dans le délai annoncé de ${r.reclamations.delais.reclamation} jours`}
        />
        <Figure
          testId="resultat-premier-niveau"
          value={pct(r.accueil.tauxPremierNiveau)}
          label={`de réponses dès le premier contact (${r.accueil.contacts.toLocaleString('fr-FR')} contacts)`}
        />
      </div>
      <p data-testid="resultat-label">
        {r.label.labellise === null
          ? `${r.label.pointsLabellises} point(s) d’accueil labellisé(s) sur ${r.label.pointsOuverts}.`
          : r.label.labellise
            ? 'Ce point d’accueil est labellisé.'
            : 'Ce point d’accueil n’est pas labellisé à ce jour.'}
      </p>
      <h3>Nos engagements</h3>
      <ul>
        {r.label.promesses.map((promesse) => (
          <li key={promesse}>{promesse}</li>
        ))}
      </ul>
      <p className="muted">
        Satisfaction nette :{' '}
        {r.satisfaction.nette === null ? '—' : r.satisfaction.nette.toLocaleString('fr-FR')} (part des très
        satisfaits moins celle des insatisfaits).
      </p>
    </article>
  );
}

export function ResultatsPage() {
  const [pointId, setPointId] = useState<number | undefined>(undefined);
  const input = pointId === undefined ? {} : { pointId };
  const state = useCall('resultats.public', input);
  const [error, setError] = useState<string | null>(null);
  const onCsv = async () => {
    try {
      downloadCsv(await call('resultats.csv', input));
    } catch (caught) {
      setError(toApiError(caught).message);
    }
  };
  const onPdf = async () => {
    try {
      await savePageAsPdf(`resultats-${pointId ?? 'ville'}`);
    } catch (caught) {
      setError(toApiError(caught).message);
    }
  };
  return (
    <PageMain className="resultats-page">
      <h1 className="no-print">Résultats publiés</h1>
      {state.status === 'ok' && (
        <div className="no-print admin-actions">
          <SelectField
            id="resultats-point"
            label="Périmètre"
            value={pointId === undefined ? '' : String(pointId)}
            onChange={(event) =>
              setPointId(event.target.value === '' ? undefined : Number(event.target.value))
            }
            placeholder="Ensemble de la ville"
            options={state.data.points.map((p) => ({ value: String(p.id), label: p.nom }))}
          />
          <button type="button" className="button" onClick={() => void onPdf()}>
            Affiche (PDF)
          </button>
          <button type="button" className="button button-outline" onClick={() => void onCsv()}>
            CSV
          </button>
        </div>
      )}
      <FormMessage>{error}</FormMessage>
      {state.status === 'loading' && <Loading label="Chargement des résultats…" />}
      {state.status === 'error' && <ErrorMessage error={state.error} />}
      {state.status === 'ok' && <Poster r={state.data} />}
    </PageMain>
  );
}
