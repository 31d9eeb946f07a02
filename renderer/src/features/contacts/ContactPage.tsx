import { AddressLines } from './AddressLines';
import type { ContactView } from '../../../../common/contract';
import { BackLink } from '../../ui/BackLink';
import { HtmlContent } from '../../ui/HtmlContent';
import { PageMain } from '../../ui/PageMain';
import { ErrorMessage, Loading } from '../../ui/StatusMessages';
import { TodayStatus } from './TodayStatus';
import { WeekHours } from './WeekHours';
import {
  CANAL_LABELS,
  ENTITE_LABELS,
  formatDateRange,
  isHttpsUrl,
  isoDay,
  telHref,
  upcomingClosures,
} from '../../ui/format';
import { useIndexStatus } from '../../ui/hooks/indexStatus';
import { useCall } from '../../ui/hooks/useCall';
import { useFocusHeading } from '../../ui/hooks/useFocusHeading';

function Contact({ contact }: { contact: ContactView }) {
  const heading = useFocusHeading<HTMLHeadingElement>(true);
  const { adresse } = contact;
  const closures = upcomingClosures(contact.fermetures, isoDay(new Date()));

  return (
    <PageMain className="contact-page">
      <BackLink />
      <h1 ref={heading} tabIndex={-1} data-testid="contact-title">
        {contact.nom}
      </h1>
      <p className="contact-meta">
        <span className="tag">{ENTITE_LABELS[contact.entite]}</span>
        <TodayStatus today={contact.today} />
      </p>

      <div className="contact-grid">
        <section className="card" aria-labelledby="coordonnees-title">
          <h2 id="coordonnees-title">Coordonnées</h2>
          <dl className="facts facts-compact">
            <div className="fact">
              <dt>Adresse</dt>
              <dd data-testid="contact-address">
                <AddressLines adresse={adresse} />
              </dd>
            </div>
            {contact.telephone && (
              <div className="fact">
                <dt>Téléphone</dt>
                <dd>
                  <a href={telHref(contact.telephone)}>{contact.telephone}</a>
                </dd>
              </div>
            )}
            {contact.courriel && (
              <div className="fact">
                <dt>Courriel</dt>
                <dd>
                  <a href={`mailto:${contact.courriel}`}>{contact.courriel}</a>
                </dd>
              </div>
            )}
            {contact.site && (
              <div className="fact">
                <dt>Site</dt>
                <dd className="source">
                  {isHttpsUrl(contact.site) ? (
                    <a href={contact.site} target="_blank" rel="noopener noreferrer">
                      {contact.site}
                      <span className="visually-hidden"> (ouvre une nouvelle fenêtre)</span>
                    </a>
                  ) : (
                    contact.site
                  )}
                </dd>
              </div>
            )}
            {contact.canaux.length > 0 && (
              <div className="fact">
                <dt>Canaux</dt>
                <dd>
                  <ul className="tags" data-testid="contact-canaux">
                    {contact.canaux.map((canal) => (
                      <li key={canal} className="tag">
                        {CANAL_LABELS[canal] ?? canal}
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            )}
            {contact.accessibilite && (
              <div className="fact">
                <dt>Accessibilité</dt>
                <dd>{contact.accessibilite}</dd>
              </div>
            )}
          </dl>
        </section>

        <section className="card" aria-labelledby="horaires-title">
          <h2 id="horaires-title">Horaires</h2>
          <WeekHours contact={contact} />
          {contact.horaires_note && <p className="note">{contact.horaires_note}</p>}
          {closures.length > 0 && (
            <div className="closures" data-testid="closures">
              <h3>Fermetures exceptionnelles</h3>
              <ul>
                {closures.map((closure) => (
                  <li key={`${closure.du}-${closure.au}`}>
                    <strong>{formatDateRange(closure.du, closure.au)}</strong>
                    {closure.motif && ` : ${closure.motif}`}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </section>
      </div>

      {contact.html.trim() !== '' && (
        <section className="card" aria-labelledby="description-title">
          <h2 id="description-title">Missions et informations</h2>
          <HtmlContent html={contact.html} testId="contact-body" />
        </section>
      )}
    </PageMain>
  );
}

export function ContactPage({ id }: { id: string }) {
  const refresh = useIndexStatus().refreshKey;
  const result = useCall('contacts.get', { id }, { refresh });

  if (result.status === 'ok') return <Contact key={id} contact={result.data} />;
  return (
    <PageMain className="contact-page">
      <BackLink />
      {result.status === 'loading' ? (
        <>
          <h1 className="visually-hidden">Service</h1>
          <Loading label="Chargement du service…" />
        </>
      ) : (
        <>
          <h1>Service indisponible</h1>
          <ErrorMessage error={result.error} />
        </>
      )}
    </PageMain>
  );
}
