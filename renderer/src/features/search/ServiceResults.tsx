import type { ServiceHit } from '../../../../common/contract';
import { formatRoute } from '../../router';
import { TodayStatus } from '../contacts/TodayStatus';

export const SERVICES_HEADING_ID = 'services-trouves';

/**
 * The services the query names, apart from the fiches: plain links in the page's tab order (the fiches' list is
 * driven from the search box with ↑ ↓; these are reached with Tab), each with what the directory shows.
 */
export function ServiceResults({ services }: { services: ServiceHit[] }) {
  if (services.length === 0) return null;
  return (
    <section className="search-services" aria-labelledby={SERVICES_HEADING_ID} data-testid="service-results">
      <h2 id={SERVICES_HEADING_ID} className="facets-title">
        Services
      </h2>
      <ul className="service-hits">
        {services.map((service) => (
          <li key={service.id}>
            <a
              href={formatRoute({ name: 'contact', id: service.id })}
              className="result service-hit"
              data-testid="service-hit"
              data-id={service.id}
            >
              <span className="result-title">{service.nom}</span>
              <span className="contact-details">
                <span>{service.adresse}</span>
                {service.telephone && <span className="contact-phone">Tél. {service.telephone}</span>}
                <TodayStatus today={service.today} />
              </span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
