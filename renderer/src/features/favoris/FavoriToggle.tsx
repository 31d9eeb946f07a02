// The star on a fiche: records the view (for « Consultées récemment ») and says whether the fiche is a
// favourite; the button or « * » (outside text fields) stars or unstars it.
import { useCallback, useEffect, useState } from 'react';
import { useWindowKeyDown } from '../../ui/hooks/useWindowKeyDown';
import { call, toApiError } from '../../api';
import { isTextField } from '../../ui/keys';
import { isStarKey } from './favoris-keys';
import './favoris.css';

export function FavoriToggle({ ficheId }: { ficheId: string }) {
  const [favori, setFavori] = useState<boolean | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    call('favoris.viewed', { ficheId }).then(
      (answer) => live && setFavori(answer.favori),
      // The fiche shows anyway; the star waits for the next opening.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [ficheId]);

  const toggle = useCallback(() => {
    if (favori === null) return;
    setFailure(null);
    call('favoris.set', { ficheId, favori: !favori }).then(
      (answer) => setFavori(answer.favori),
      (error: unknown) => setFailure(toApiError(error).message),
    );
  }, [favori, ficheId]);

  useWindowKeyDown((event) => {
    if (event.defaultPrevented || event.isComposing) return;
    const target = event.target instanceof HTMLElement ? event.target : null;
    if (!isStarKey(event, isTextField(target))) return;
    event.preventDefault();
    toggle();
  });

  if (favori === null) return null;
  return (
    <span className="favori-toggle">
      <button
        type="button"
        className={favori ? 'button favori-on' : 'button button-outline'}
        aria-keyshortcuts="*"
        onClick={toggle}
        data-testid="favori-toggle"
      >
        <span aria-hidden="true">{favori ? '★' : '☆'}</span> {favori ? 'Favori' : 'Ajouter aux favoris'}{' '}
        <kbd aria-hidden="true">*</kbd>
      </button>
      <span className="visually-hidden" role="status">
        {favori ? 'Fiche ajoutée aux favoris' : ''}
      </span>
      {failure && (
        <span className="field-error" role="alert">
          {failure}
        </span>
      )}
    </span>
  );
}
