import type { MouseEvent } from 'react';
import { useEffect, useRef } from 'react';

const EXTERNAL = /^https:/i;
const HANDED_TO_SYSTEM = /^(mailto|tel):/i;

/**
 * HTML rendered by the core (markdown-it, raw HTML off, links validated). In-app links (#/…) are handled by the
 * window's router; https links open outside the window; anything else is not followed.
 */
export function HtmlContent({
  html,
  className,
  testId,
}: {
  html: string;
  className?: string;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    for (const link of ref.current?.querySelectorAll<HTMLAnchorElement>('a[href]') ?? []) {
      if (EXTERNAL.test(link.getAttribute('href') ?? '')) {
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
      }
    }
  }, [html]);

  // A table wider than the column scrolls sideways: it must then be reachable with the keyboard.
  useEffect(() => {
    const wraps = [...(ref.current?.querySelectorAll<HTMLElement>('.table-wrap') ?? [])];
    if (wraps.length === 0) return;
    const update = () => {
      for (const wrap of wraps) {
        if (wrap.scrollWidth > wrap.clientWidth + 1) {
          wrap.tabIndex = 0;
          wrap.setAttribute('role', 'region');
          wrap.setAttribute('aria-label', 'Tableau (défilement horizontal)');
        } else {
          wrap.removeAttribute('tabindex');
          wrap.removeAttribute('role');
          wrap.removeAttribute('aria-label');
        }
      }
    };
    update();
    const observer = new ResizeObserver(update);
    // The wrapper keeps its size when only its table grows (fonts, a narrower column): watch both.
    for (const wrap of wraps) {
      observer.observe(wrap);
      if (wrap.firstElementChild) observer.observe(wrap.firstElementChild);
    }
    return () => observer.disconnect();
  }, [html]);

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const link = (event.target as Element).closest('a');
    if (!link) return;
    const href = link.getAttribute('href') ?? '';
    // #/… routes are taken care of by the window-wide link handler.
    if (href.startsWith('#/') || EXTERNAL.test(href) || HANDED_TO_SYSTEM.test(href)) return;
    event.preventDefault();
    if (href.startsWith('#') && href.length > 1) {
      // An in-page anchor: scroll to it without touching the route.
      let id = href.slice(1);
      try {
        id = decodeURIComponent(id);
      } catch {
        // A malformed escape: look the id up as written.
      }
      document.getElementById(id)?.scrollIntoView();
    }
  };

  return (
    // The click handler only delegates link clicks; the links themselves are the interactive elements.
    <div
      ref={ref}
      className={className ? `prose ${className}` : 'prose'}
      data-testid={testId}
      onClick={onClick}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
