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
