import { useKioskCall } from './useKioskCall';

function percent(value: number | null): string {
  return value === null ? '—' : `${value.toLocaleString('fr-FR', { maximumFractionDigits: 0 })} %`;
}

/**
 * The city's published results (« résultats publiés ») on the kiosk's home: the figures the city commits to
 * publish each year, read standing. Nothing while they load or if they cannot be read: the home stays usable.
 */
export function PublishedResultsSlot() {
  const results = useKioskCall('resultats.public', {});
  if (results.status !== 'ok') return null;
  const { satisfaction, reclamations, accueil, du, au } = results.data;
  return (
    <section className="borne-results-published" aria-labelledby="borne-resultats-titre">
      <h2 id="borne-resultats-titre">Nos résultats publiés</h2>
      <p className="borne-results-period">
        Du {new Date(`${du}T12:00:00Z`).toLocaleDateString('fr-FR')} au{' '}
        {new Date(`${au}T12:00:00Z`).toLocaleDateString('fr-FR')}
      </p>
      <dl>
        <div>
          <dt>Usagers satisfaits</dt>
          <dd>{percent(satisfaction.taux)}</dd>
        </div>
        <div>
          <dt>Réponses dès le premier contact</dt>
          <dd>{percent(accueil.tauxPremierNiveau)}</dd>
        </div>
        <div>
          <dt>Réclamations traitées dans le délai annoncé</dt>
          <dd>{percent(reclamations.tauxDelaisTenus)}</dd>
        </div>
      </dl>
    </section>
  );
}
