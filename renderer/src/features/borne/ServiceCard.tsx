import type { ContactView } from '../../../../common/contract';
import { AddressLines } from '../contacts/AddressLines';
import { TodayStatus } from '../contacts/TodayStatus';
import { WeekHours } from '../contacts/WeekHours';
import { formatDateRange } from '../../ui/format';

/** A service as the hall reads it: where, today's hours and the week's, the phone, the coming closures. */
export function BorneServiceCard({
  service,
  heading = 'h3',
}: {
  service: ContactView;
  heading?: 'h2' | 'h3';
}) {
  const Title = heading;
  return (
    <article className="borne-card borne-service" data-testid="borne-service">
      <Title>{service.nom}</Title>
      <TodayStatus today={service.today} />
      <p className="borne-address">
        <AddressLines adresse={service.adresse} />
      </p>
      {service.telephone && <p className="borne-phone">Téléphone : {service.telephone}</p>}
      {service.fermetures.map((fermeture) => (
        <p key={`${fermeture.du}-${fermeture.au}`} className="borne-closure">
          Fermé {formatDateRange(fermeture.du, fermeture.au)}
          {fermeture.motif ? ` (${fermeture.motif})` : ''}
        </p>
      ))}
      {service.horaires_note && <p className="borne-muted">{service.horaires_note}</p>}
      <WeekHours contact={service} />
    </article>
  );
}
