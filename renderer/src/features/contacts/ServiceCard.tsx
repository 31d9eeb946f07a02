import { AddressLines } from './AddressLines';
import type { ContactView } from '../../../../common/contract';
import { formatRoute } from '../../router';
import { formatSlots, telHref } from '../../ui/format';
import { TodayStatus } from './TodayStatus';

/** One service of a fiche's « Où s'adresser » panel. */
export function ServiceCard({ service }: { service: ContactView }) {
  const { adresse } = service;
  return (
    <li className="service-card" data-testid="service-card">
      <h3 className="service-name">
        <a href={formatRoute({ name: 'contact', id: service.id })}>{service.nom}</a>
      </h3>
      <p className="service-address">
        <AddressLines adresse={adresse} />
      </p>
      <p className="service-today">
        <TodayStatus today={service.today} />
        {service.today.slots.length > 0 && (
          <span className="service-slots">Aujourd&apos;hui : {formatSlots(service.today.slots)}</span>
        )}
      </p>
      {(service.telephone || service.courriel) && (
        <ul className="service-channels">
          {service.telephone && (
            <li>
              <span className="channel-label">Tél. :</span>{' '}
              <a href={telHref(service.telephone)} data-testid="service-phone">
                {service.telephone}
              </a>
            </li>
          )}
          {service.courriel && (
            <li>
              <span className="channel-label">Courriel :</span>{' '}
              <a href={`mailto:${service.courriel}`}>{service.courriel}</a>
            </li>
          )}
        </ul>
      )}
    </li>
  );
}
