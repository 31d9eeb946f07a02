import { useEffect } from 'react';
import type { FicheView } from '../../../../common/contract';
import { useDemande } from '../journal/demande';
import { BackLink } from '../../ui/BackLink';
import { HtmlContent } from '../../ui/HtmlContent';
import { PageMain } from '../../ui/PageMain';
import { ServiceCard } from '../contacts/ServiceCard';
import { ErrorMessage, Loading } from '../../ui/StatusMessages';
import { FicheEditLink, FicheFeedback, FicheNotices } from '../redaction/FicheExtras';
import { ThemeTags } from '../../ui/ThemeTags';
import { formatDate, isHttpsUrl } from '../../ui/format';
import { useIndexStatus } from '../../ui/hooks/indexStatus';
import { useCall } from '../../ui/hooks/useCall';
import { useFocusHeading } from '../../ui/hooks/useFocusHeading';
import { NATIONAL_SOURCE, nationalCitation } from '../search/origins';
import { formatRoute } from '../../router';
import { FOR_CITIZEN_KEYS } from '../../ui/keys';
import { FavoriToggle } from '../favoris/FavoriToggle';
import { FlashBanner } from '../flash/FlashBanner';

const NEW_WINDOW = <span className="visually-hidden"> (ouvre une nouvelle fenêtre)</span>;

/**
 * What a fiche says beyond its body. A national fiche's date and source are in its citation instead, so its
 * facts may be empty: then there is no box at all.
 */
function Facts({ fiche }: { fiche: FicheView['fiche'] }) {
  const national = fiche.origine === 'national';
  const empty =
    national &&
    fiche.public_concerne.length === 0 &&
    !fiche.cout &&
    !fiche.delai &&
    fiche.pieces_a_fournir.length === 0;
  if (empty) return null;
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
      {!national && (
        <div className="fact">
          <dt>Mise à jour le</dt>
          <dd data-testid="fiche-updated">{formatDate(fiche.mise_a_jour)}</dd>
        </div>
      )}
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
      {fiche.source && !national && (
        <div className="fact fact-wide">
          <dt>Source</dt>
          <dd className="source">
            {isHttpsUrl(fiche.source) ? (
              <a href={fiche.source} target="_blank" rel="noopener noreferrer">
                {fiche.source}
                {NEW_WINDOW}
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

/** The licence's attribution (Licence Ouverte: source and date of the last update) and why it is read-only. */
function NationalNote({ fiche }: { fiche: FicheView['fiche'] }) {
  const citation = nationalCitation(fiche.mise_a_jour);
  return (
    <div className="national-note" data-testid="fiche-national">
      <p className="citation" data-testid="fiche-citation">
        {citation.before}
        {isHttpsUrl(fiche.source) ? (
          <a href={fiche.source} target="_blank" rel="noopener noreferrer" data-testid="fiche-source-link">
            {citation.source}
            {NEW_WINDOW}
          </a>
        ) : (
          citation.source
        )}
        {citation.after}
      </p>
      <p className="national-readonly">
        Fiche nationale, reprise telle quelle : elle ne peut pas être modifiée ici. Les précisions propres à
        la commune s&apos;ajoutent dans une fiche locale qui la complète.
      </p>
    </div>
  );
}

/** The local fiches completing a national one: the commune's specifics, shown before the national text. */
function Complements({ complements }: { complements: FicheView['complements'] }) {
  if (complements.length === 0) return null;
  return (
    <section className="complements" aria-labelledby="complements-title" data-testid="fiche-complements">
      <h2 id="complements-title">Spécificités locales</h2>
      {complements.map((complement) => (
        <div key={complement.id} className="complement" data-testid="complement">
          <HtmlContent html={complement.html} className="complement-body" />
          <p className="complement-link">
            Fiche locale :{' '}
            <a href={formatRoute({ name: 'fiche', id: complement.id })} data-testid="complement-link">
              {complement.titre}
            </a>
          </p>
        </div>
      ))}
    </section>
  );
}

function Fiche({ view }: { view: FicheView }) {
  const heading = useFocusHeading<HTMLHeadingElement>(true);
  const { fiche } = view;
  // The fiche joins the contact in progress (or starts one): its thème and services feed the outcome bar.
  const { ficheOpened } = useDemande();
  useEffect(() => {
    ficheOpened({
      id: view.fiche.id,
      titre: view.fiche.titre,
      theme: view.fiche.themes[0] ?? null,
      services: view.services.map((service) => ({ id: service.id, nom: service.nom })),
    });
  }, [view, ficheOpened]);
  const national = fiche.origine === 'national';
  return (
    <div className="with-aside">
      <PageMain className="fiche-page">
        <BackLink />
        <article className="fiche">
          <h1 ref={heading} tabIndex={-1} data-testid="fiche-title">
            {fiche.titre}
          </h1>
          <div className="fiche-labels">
            {national && (
              <span className="badge badge-national" data-testid="fiche-badge">
                {NATIONAL_SOURCE}
              </span>
            )}
            <ThemeTags themes={view.themes} />
            <FavoriToggle ficheId={fiche.id} />
          </div>
          <p className="fiche-for-citizen">
            <a
              href={formatRoute({ name: 'usager', id: fiche.id })}
              className="button button-outline"
              aria-keyshortcuts={FOR_CITIZEN_KEYS}
              data-testid="fiche-usager"
            >
              Pour l’usager (<kbd>Alt+U</kbd>)
            </a>
          </p>
          <FlashBanner ficheId={fiche.id} />
          <FicheNotices fiche={fiche} />
          <FicheEditLink fiche={fiche} />
          {view.completes && (
            <p className="completes" data-testid="fiche-completes">
              Complète la fiche nationale :{' '}
              <a href={formatRoute({ name: 'fiche', id: view.completes.id })}>{view.completes.titre}</a>
            </p>
          )}
          <p className="resume" data-testid="fiche-resume">
            {fiche.resume}
          </p>
          {national && <NationalNote fiche={fiche} />}
          <Facts fiche={fiche} />
          <Complements complements={view.complements} />
          <HtmlContent html={view.html} className="fiche-body" testId="fiche-body" />
          <FicheFeedback key={fiche.id} ficheId={fiche.id} />
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
