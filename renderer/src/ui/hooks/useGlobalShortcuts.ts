import { useEffect } from 'react';
import { isTextField, shortcutFor } from '../keys';
import { backToList, lastSearchRoute, navigate } from '../../navigation';
import type { Route } from '../../router';
import { focusSearchBox, focusSearchBoxOnMount } from '../searchBox';
import { useWindowKeyDown } from './useWindowKeyDown';

function goToSearch(): void {
  focusSearchBoxOnMount();
  navigate(lastSearchRoute());
}

/**
 * Window-wide keys: Ctrl+K (anywhere) and / (outside text fields) focus the search box; Esc on a fiche or a
 * contact comes back to the results, on « Pour l'usager » to the fiche; Alt+U on a fiche opens « Pour l'usager ». Also routes clicks on in-app links (#/…) through the router.
 */
export function useGlobalShortcuts(route: Route): void {
  const name = route.name;
  const ficheId = route.name === 'fiche' || route.name === 'usager' ? route.id : null;
  useWindowKeyDown((event) => {
    if (event.defaultPrevented || event.isComposing) return;
    const target = event.target instanceof HTMLElement ? event.target : null;
    const shortcut = shortcutFor(event, isTextField(target));
    if (shortcut === 'focus-search') {
      event.preventDefault();
      if (name === 'search' && focusSearchBox()) return;
      goToSearch();
    } else if (shortcut === 'focus-page-search') {
      event.preventDefault();
      if ((name === 'search' || name === 'annuaire') && focusSearchBox()) return;
      goToSearch();
    } else if (shortcut === 'back' && (name === 'fiche' || name === 'contact')) {
      event.preventDefault();
      backToList();
    } else if (shortcut === 'back' && name === 'usager' && ficheId !== null) {
      // Back from the citizen's layout to the fiche it was opened from.
      event.preventDefault();
      navigate({ name: 'fiche', id: ficheId });
    } else if (shortcut === 'for-citizen' && name === 'fiche' && ficheId !== null) {
      event.preventDefault();
      navigate({ name: 'usager', id: ficheId });
    }
  });

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest('a') : null;
      const href = link?.getAttribute('href') ?? '';
      if (!href.startsWith('#/') || link?.target === '_blank') return;
      event.preventDefault();
      navigate(href);
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, []);
}
