// The home's « Mes favoris » and « Consultées récemment »: links to the fiches, reached from the empty search
// box with ↓, then ↑ ↓ Début Fin to move and Entrée to open; ↑ from the first (or Échap) goes back to the box.
// A starred fiche removed since is shown as such, with a way to drop it.
import type { KeyboardEvent } from 'react';
import { useState } from 'react';
import type { FavoriItem } from '../../../../common/favoris/methods';
import { call, toApiError } from '../../api';
import { formatRoute } from '../../router';
import { useCall } from '../../ui/hooks/useCall';
import { focusSearchBox } from '../../ui/searchBox';
import { registerFavorisList } from './favoris-focus';
import { listMove } from './favoris-keys';
import './favoris.css';

function onListKeyDown(event: KeyboardEvent<HTMLElement>): void {
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  const links = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-favori-link]')];
  const index = links.indexOf(event.target as HTMLElement);
  if (index === -1) return;
  const next = listMove(event.key, index, links.length);
  if (next === null) return;
  event.preventDefault();
  if (next === 'search') focusSearchBox();
  else links[next]?.focus();
}

function RemovedFavori({ item, onRemoved }: { item: FavoriItem; onRemoved: () => void }) {
  const [failure, setFailure] = useState<string | null>(null);
  const remove = () =>
    call('favoris.set', { ficheId: item.id, favori: false }).then(onRemoved, (error: unknown) =>
      setFailure(toApiError(error).message),
    );
  return (
    <li className="favori-removed" data-testid="favori-removed">
      <span>{item.titre}</span> <span className="muted">(fiche retirée)</span>{' '}
      <button type="button" className="button button-outline" onClick={() => void remove()}>
        Retirer des favoris
      </button>
      {failure && (
        <span className="field-error" role="alert">
          {failure}
        </span>
      )}
    </li>
  );
}

export function FavorisPanel() {
  const [version, setVersion] = useState(0);
  const result = useCall('favoris.list', {}, { refresh: String(version) });
  if (result.status !== 'ok') return null;
  const { favoris, recents } = result.data;
  if (favoris.length === 0 && recents.length === 0) return null;
  return (
    <section
      ref={registerFavorisList}
      className="favoris-panel"
      aria-label="Mes fiches"
      aria-describedby="favoris-help"
      onKeyDown={onListKeyDown}
      data-testid="favoris-panel"
    >
      <div className="favoris-column">
        <h2 id="favoris-title">Mes favoris</h2>
        {favoris.length === 0 ? (
          <p className="muted">
            Aucune fiche favorite : sur une fiche, <kbd>*</kbd> ou « Ajouter aux favoris ».
          </p>
        ) : (
          <ul aria-labelledby="favoris-title" data-testid="favoris-list">
            {favoris.map((item) =>
              item.retiree ? (
                <RemovedFavori key={item.id} item={item} onRemoved={() => setVersion((v) => v + 1)} />
              ) : (
                <li key={item.id}>
                  <a
                    href={formatRoute({ name: 'fiche', id: item.id })}
                    data-favori-link
                    data-testid="favori-link"
                  >
                    {item.titre}
                  </a>
                </li>
              ),
            )}
          </ul>
        )}
      </div>
      {recents.length > 0 && (
        <div className="favoris-column">
          <h2 id="recents-title">Consultées récemment</h2>
          <ul aria-labelledby="recents-title" data-testid="recents-list">
            {recents.map((item) => (
              <li key={item.id}>
                <a
                  href={formatRoute({ name: 'fiche', id: item.id })}
                  data-favori-link
                  data-testid="recent-link"
                >
                  {item.titre}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p id="favoris-help" className="hint favoris-help">
        <kbd>↓</kbd> depuis la recherche vide pour parcourir ces fiches, <kbd>Entrée</kbd> pour ouvrir,{' '}
        <kbd>Échap</kbd> pour revenir à la recherche.
      </p>
    </section>
  );
}
