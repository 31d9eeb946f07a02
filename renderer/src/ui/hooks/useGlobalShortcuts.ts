import { useEffect } from 'react';
import { isTextField, shortcutFor } from '../keys';
import { backToList, lastSearchRoute, navigate } from '../../navigation';
import type { Route } from '../../router';
import { focusSearchBox, focusSearchBoxOnMount } from '../searchBox';

function goToSearch(): void {
  focusSearchBoxOnMount();
  navigate(lastSearchRoute());
}

/**
 * Window-wide keys: Ctrl+K (anywhere) and / (outside text fields) focus the search box; Esc on a fiche or a
 * contact comes back to the results. Also routes clicks on in-app links (#/…) through the router.
 */
export function useGlobalShortcuts(route: Route): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      const shortcut = shortcutFor(event, isTextField(target));
      if (shortcut === 'focus-search') {
        event.preventDefault();
        if (route.name === 'search' && focusSearchBox()) return;
        goToSearch();
      } else if (shortcut === 'focus-page-search') {
        event.preventDefault();
        if ((route.name === 'search' || route.name === 'annuaire') && focusSearchBox()) return;
        goToSearch();
      } else if (shortcut === 'back' && (route.name === 'fiche' || route.name === 'contact')) {
        event.preventDefault();
        backToList();
      }
    };

    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest('a') : null;
      const href = link?.getAttribute('href') ?? '';
      if (!href.startsWith('#/') || link?.target === '_blank') return;
      event.preventDefault();
      navigate(href);
    };

    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('click', onClick);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('click', onClick);
    };
  }, [route.name]);
}
