import { TodayStatus } from '../contacts/TodayStatus';
import { BorneServiceCard } from './ServiceCard';
import { useKioskCall } from './useKioskCall';

/** Every service with today's hours, as big buttons. */
export function BorneServices({ onService }: { onService: (id: string) => void }) {
  const list = useKioskCall('borne.services', { q: '' });
  return (
    <section className="borne-card" aria-labelledby="borne-services-title">
      <h2 id="borne-services-title">Services et horaires</h2>
      {list.status === 'loading' && <p role="status">Chargement des services…</p>}
      {list.status === 'error' && <p role="alert">{list.error.message}</p>}
      {list.status === 'ok' && (
        <ul className="borne-results">
          {list.data.results.map((service) => (
            <li key={service.id}>
              <button type="button" className="borne-result" onClick={() => onService(service.id)}>
                <span className="borne-result-title">{service.nom}</span>
                <TodayStatus today={service.today} />
                {service.telephone && <span className="borne-result-summary">{service.telephone}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** One service: address, phone, the week's hours and its text. */
export function BorneService({ id }: { id: string }) {
  const loaded = useKioskCall('borne.service', { id });
  if (loaded.status === 'loading') return <p role="status">Chargement du service…</p>;
  if (loaded.status === 'error') return <p role="alert">{loaded.error.message}</p>;
  return <BorneServiceCard service={loaded.data} heading="h2" />;
}
