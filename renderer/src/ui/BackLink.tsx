import type { MouseEvent } from 'react';
import { backToList, lastListRoute } from '../navigation';
import { formatRoute } from '../router';

/** « Retour aux résultats (Échap) »: back to the last list, as it was. */
export function BackLink() {
  const target = lastListRoute();
  const label = target.name === 'annuaire' ? "Retour à l'annuaire" : 'Retour aux résultats';
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    event.stopPropagation();
    backToList();
  };
  return (
    <p className="back">
      <a href={formatRoute(target)} onClick={onClick} data-testid="back-link">
        <span aria-hidden="true">← </span>
        {label} (<kbd>Échap</kbd>)
      </a>
    </p>
  );
}
