// One click for a contact answered without a search: « Répondu » with the thème it was about.
import { useCall } from '../../ui/hooks/useCall';

export function QuickThemes({
  onAnswered,
}: {
  onAnswered: (theme: { id: string; libelle: string }) => void;
}) {
  const themes = useCall('themes.list', {});
  if (themes.status === 'loading') return null;
  if (themes.status === 'error')
    return (
      <p role="alert" className="outcome-error">
        {themes.error.message}
      </p>
    );
  return (
    <ul className="outcome-themes" aria-label="Répondu, par thème" data-testid="quick-themes">
      {themes.data.themes.map((theme) => (
        <li key={theme.id}>
          <button
            type="button"
            className="outcome-theme"
            onClick={() => onAnswered(theme)}
            data-testid="quick-theme"
            data-id={theme.id}
          >
            <span className="visually-hidden">Répondu : </span>
            {theme.libelle}
          </button>
        </li>
      ))}
    </ul>
  );
}
