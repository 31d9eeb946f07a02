import type { ThemeRef } from '../../../../common/contract';
import { useKioskCall } from './useKioskCall';

/** The fiches found for the query (or in the thème), as big buttons. */
export function BorneResults({
  q,
  theme,
  onFiche,
}: {
  q: string;
  theme?: ThemeRef;
  onFiche: (id: string) => void;
}) {
  const found = useKioskCall('borne.search', theme ? { q, theme: theme.id } : { q });
  const title = theme ? `Thème : ${theme.libelle}` : `Résultats pour « ${q} »`;
  return (
    <section className="borne-card" aria-labelledby="borne-results-title">
      <h2 id="borne-results-title">{title}</h2>
      {found.status === 'loading' && <p role="status">Recherche en cours…</p>}
      {found.status === 'error' && <p role="alert">{found.error.message}</p>}
      {found.status === 'ok' && found.data.results.length === 0 && (
        <p role="status" data-testid="borne-no-result">
          Aucune fiche ne correspond. Essayez un autre mot, ou demandez à l’accueil.
        </p>
      )}
      {found.status === 'ok' && found.data.results.length > 0 && (
        <ul className="borne-results" data-testid="borne-results">
          {found.data.results.map((hit) => (
            <li key={hit.id}>
              <button type="button" className="borne-result" onClick={() => onFiche(hit.id)}>
                <span className="borne-result-title">{hit.titre}</span>
                <span className="borne-result-summary">{hit.resume}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
