// The flash info an agent must see: on the desk's home (every current announcement for the point) and on a fiche
// (those linked to it). Unread ones stand out with « J’ai lu »; read ones stay reachable, folded.
import { useState } from 'react';
import type { FlashView } from '../../../../common/flash/methods';
import { call, toApiError } from '../../api';
import { formatRoute } from '../../router';
import { HtmlContent } from '../../ui/HtmlContent';
import { useCall } from '../../ui/hooks/useCall';
import { ErrorMessage } from '../../ui/StatusMessages';
import { plural } from '../../ui/format';
import { untilText } from './flash-format';
import './flash.css';

function FlashItem({
  flash,
  ficheId,
  onConfirm,
}: {
  flash: FlashView;
  ficheId?: string;
  onConfirm?: () => void;
}) {
  // On a fiche, the link to the fiche itself says nothing.
  const fiches = flash.fiches.filter((fiche) => fiche.id !== ficheId);
  return (
    <article
      className={flash.lu ? 'flash-item flash-item-read' : 'flash-item'}
      aria-labelledby={`flash-${flash.id}-title`}
      data-testid="flash-item"
    >
      <h3 id={`flash-${flash.id}-title`} className="flash-title">
        {flash.titre}
      </h3>
      <HtmlContent html={flash.html} className="flash-text" />
      {fiches.length > 0 && (
        <p className="flash-fiches">
          Voir aussi :{' '}
          {fiches.map((fiche, index) => (
            <span key={fiche.id}>
              {index > 0 && ', '}
              <a href={formatRoute({ name: 'fiche', id: fiche.id })}>{fiche.titre}</a>
            </span>
          ))}
        </p>
      )}
      <div className="flash-footer">
        <span className="muted">{untilText(flash.fin)}</span>
        {onConfirm && !flash.lu && (
          <button type="button" className="button" onClick={onConfirm} data-testid="flash-confirm">
            J’ai lu
          </button>
        )}
        {flash.lu && <span className="badge">Lu</span>}
      </div>
    </article>
  );
}

export function FlashBanner({ ficheId }: { ficheId?: string }) {
  const result = useCall('flash.current', ficheId === undefined ? {} : { ficheId });
  // Confirmed here since the list was fetched: shown as read at once.
  const [confirmed, setConfirmed] = useState<ReadonlySet<number>>(new Set());
  const [failure, setFailure] = useState<string | null>(null);

  if (result.status === 'loading') return null;
  if (result.status === 'error') return <ErrorMessage error={result.error} context="Flash info" />;
  const flash = result.data.flash.map((item) => (confirmed.has(item.id) ? { ...item, lu: true } : item));
  if (flash.length === 0) return null;
  const unread = flash.filter((item) => !item.lu);
  const read = flash.filter((item) => item.lu);

  const confirm = (id: number) => {
    setFailure(null);
    call('flash.confirm', { id }).then(
      () => setConfirmed((previous) => new Set(previous).add(id)),
      (error: unknown) => setFailure(toApiError(error).message),
    );
  };

  return (
    <section className="flash-banner" aria-labelledby="flash-banner-title" data-testid="flash-banner">
      <h2 id="flash-banner-title" className="flash-banner-title">
        Flash info
        {unread.length > 0 ? ` – ${plural(unread.length, 'nouvelle annonce', 'nouvelles annonces')}` : ''}
      </h2>
      {failure && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
      {unread.map((item) => (
        <FlashItem key={item.id} flash={item} ficheId={ficheId} onConfirm={() => confirm(item.id)} />
      ))}
      {read.length > 0 && (
        <details className="flash-read" data-testid="flash-read">
          <summary>{plural(read.length, 'annonce déjà lue', 'annonces déjà lues')}</summary>
          {read.map((item) => (
            <FlashItem key={item.id} flash={item} ficheId={ficheId} />
          ))}
        </details>
      )}
    </section>
  );
}
