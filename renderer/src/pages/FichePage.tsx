import type { FicheView } from '../../../electron/api/contract';
import { BackLink } from '../components/BackLink';
import { HtmlContent } from '../components/HtmlContent';
import { PageMain } from '../components/PageMain';
import { ServiceCard } from '../components/ServiceCard';
import { ErrorMessage, Loading } from '../components/StatusMessages';
import { ThemeTags } from '../components/ThemeTags';
import { formatDate, isHttpsUrl } from '../format';
import { useIndexStatus } from '../hooks/indexStatus';
import { useCall } from '../hooks/useCall';
import { useFocusHeading } from '../hooks/useFocusHeading';

function Facts({ fiche }: { fiche: FicheView['fiche'] }) {
  return (
    <dl className="facts" data-testid="fiche-facts">
      {fiche.public_concerne.length > 0 && (
        <div className="fact">
          <dt>Public concerné</dt>
          <dd>{fiche.public_concerne.join(' ; ')}</dd>
        </div>
      )}
      {fiche.cout && (
        <div className="fact">
          <dt>Coût</dt>
          <dd>{fiche.cout}</dd>
        </div>
      )}
      {fiche.delai && (
        <div className="fact">
          <dt>Délai</dt>
          <dd>{fiche.delai}</dd>
        </div>
      )}
      <div className="fact">
        <dt>Mise à jour le</dt>
        <dd data-testid="fiche-updated">{formatDate(fiche.mise_a_jour)}</dd>
      </div>
      {fiche.pieces_a_fournir.length > 0 && (
        <div className="fact fact-wide">
          <dt>Pièces à fournir</dt>
          <dd>
            <ul className="pieces" data-testid="fiche-pieces">
              {fiche.pieces_a_fournir.map((piece, index) => (
                <li key={index}>{piece}</li>
              ))}
            </ul>
          </dd>
        </div>
      )}
      {fiche.source && (
        <div className="fact fact-wide">
          <dt>Source</dt>
          <dd className="source">
            {isHttpsUrl(fiche.source) ? (
              <a href={fiche.source} target="_blank" rel="noopener noreferrer">
                {fiche.source}
                <span className="visually-hidden"> (ouvre une nouvelle fenêtre)</span>
              </a>
            ) : (
              fiche.source
            )}
          </dd>
        </div>
      )}
    </dl>
  );
}

function Fiche({ view }: { view: FicheView }) {
  const heading = useFocusHeading<HTMLHeadingElement>(true);
  const { fiche } = view;
  return (
    <div className="with-aside">
      <PageMain className="fiche-page">
        <BackLink />
        <article className="fiche">
          <h1 ref={heading} tabIndex={-1} data-testid="fiche-title">
            {fiche.titre}
          </h1>
          <ThemeTags themes={view.themes} />
          <p className="resume" data-testid="fiche-resume">
            {fiche.resume}
          </p>
          <Facts fiche={fiche} />
          <HtmlContent html={view.html} className="fiche-body" testId="fiche-body" />
        </article>
      </PageMain>
      <aside className="services-panel" aria-labelledby="services-title" data-testid="services-panel">
        <h2 id="services-title">Où s&apos;adresser</h2>
        {view.services.length === 0 ? (
          <p className="muted">Aucun service n&apos;est indiqué pour cette démarche.</p>
        ) : (
          <ul className="service-list">
            {view.services.map((service) => (
              <ServiceCard key={service.id} service={service} />
            ))}
          </ul>
        )}
      </aside>
    </div>
  );
}

export function FichePage({ id }: { id: string }) {
  const refresh = useIndexStatus().refreshKey;
  const result = useCall('fiches.get', { id }, { refresh });

  if (result.status === 'ok') return <Fiche key={id} view={result.data} />;
  return (
    <PageMain className="fiche-page">
      <BackLink />
      {result.status === 'loading' ? (
        <>
          <h1 className="visually-hidden">Fiche</h1>
          <Loading label="Chargement de la fiche…" />
        </>
      ) : (
        <>
          <h1>Fiche indisponible</h1>
          <ErrorMessage error={result.error} />
        </>
      )}
    </PageMain>
  );
}
