import { plural } from './format';
import { useCall } from './hooks/useCall';
import { formatRoute, searchRoute } from '../router';
import { ErrorMessage, Loading } from './StatusMessages';

/** With an empty query: the thèmes as entry points, each running a search for its label. */
export function ThemeEntries({ refresh }: { refresh: string | null }) {
  const themes = useCall('themes.list', {}, { refresh });
  return (
    <section className="theme-entries" aria-labelledby="themes-title">
      <h2 id="themes-title">Parcourir par thème</h2>
      {themes.status === 'loading' && <Loading label="Chargement des thèmes…" />}
      {themes.status === 'error' && <ErrorMessage error={themes.error} />}
      {themes.status === 'ok' && (
        <ul className="theme-grid">
          {themes.data.themes.map((theme) => (
            <li key={theme.id}>
              <a
                className="theme-card"
                href={formatRoute(searchRoute(theme.libelle))}
                data-testid="theme-entry"
              >
                <span className="theme-card-title">{theme.libelle}</span>
                {theme.description && <span className="theme-card-description">{theme.description}</span>}
                <span className="theme-card-count">{plural(theme.count, 'fiche')}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
