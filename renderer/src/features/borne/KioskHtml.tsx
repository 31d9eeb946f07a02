import type { MouseEvent } from 'react';

const INTERNAL = /^#\/(fiche|contact)\/(.+)$/;

/**
 * A fiche's or a service's text as the core rendered it (markdown-it, raw HTML off). On the kiosk no link ever
 * leaves: a link to another fiche or service opens it in the kiosk, anything else (a web site, a phone number)
 * stays text to read.
 */
export function KioskHtml({
  html,
  onFiche,
  onService,
}: {
  html: string;
  onFiche: (id: string) => void;
  onService: (id: string) => void;
}) {
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const link = (event.target as Element).closest('a');
    if (!link) return;
    event.preventDefault();
    const match = INTERNAL.exec(link.getAttribute('href') ?? '');
    if (!match?.[2]) return;
    let id = match[2];
    try {
      id = decodeURIComponent(id);
    } catch {
      // A malformed escape: the id as written.
    }
    if (match[1] === 'fiche') onFiche(id);
    else onService(id);
  };
  return (
    // The handler only delegates link clicks; the links themselves are the interactive elements.
    <div className="prose borne-prose" onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />
  );
}
