import { useEffect, useState } from 'react';
import type { BorneSettings } from '../../../../common/borne/settings';
import { formatDate } from '../../ui/format';
import { KioskHtml } from './KioskHtml';
import { printPage, printerAvailable } from './print';
import { SatisfactionTap } from './SatisfactionTap';
import { BorneServiceCard } from './ServiceCard';
import { useKioskCall } from './useKioskCall';

/** A published fiche, for reading standing: what to bring, cost, delay, where to go; printable. */
export function BorneFiche({
  id,
  reglage,
  onFiche,
  onService,
}: {
  id: string;
  reglage: BorneSettings;
  onFiche: (id: string) => void;
  onService: (id: string) => void;
}) {
  const loaded = useKioskCall('borne.fiche', { id });
  const [canPrint, setCanPrint] = useState(false);
  const [printError, setPrintError] = useState<string | null>(null);

  useEffect(() => {
    if (!reglage.impression) return;
    let live = true;
    void printerAvailable().then((available) => live && setCanPrint(available));
    return () => {
      live = false;
    };
  }, [reglage.impression]);

  if (loaded.status === 'loading') return <p role="status">Chargement de la fiche…</p>;
  if (loaded.status === 'error') return <p role="alert">{loaded.error.message}</p>;
  const fiche = loaded.data;
  return (
    <article className="borne-fiche" data-testid="borne-fiche">
      <h2 className="borne-fiche-title">{fiche.titre}</h2>
      {fiche.resume && <p className="borne-lead">{fiche.resume}</p>}
      {canPrint && (
        <p className="borne-no-print">
          <button type="button" className="borne-button" onClick={() => void printPage().then(setPrintError)}>
            Imprimer cette fiche
          </button>
          {printError && <span role="alert"> {printError}</span>}
        </p>
      )}
      {(fiche.pieces_a_fournir.length > 0 || fiche.cout || fiche.delai) && (
        <section className="borne-card borne-essentials">
          {fiche.pieces_a_fournir.length > 0 && (
            <>
              <h3>À apporter</h3>
              <ul>
                {fiche.pieces_a_fournir.map((piece) => (
                  <li key={piece}>{piece}</li>
                ))}
              </ul>
            </>
          )}
          {fiche.cout && <p>Coût : {fiche.cout}</p>}
          {fiche.delai && <p>Délai : {fiche.delai}</p>}
        </section>
      )}
      <section className="borne-card">
        <KioskHtml html={fiche.html} onFiche={onFiche} onService={onService} />
        {fiche.complements.map((local) => (
          <section key={local.id} className="borne-complement">
            <h3>{local.titre}</h3>
            <KioskHtml html={local.html} onFiche={onFiche} onService={onService} />
          </section>
        ))}
        <p className="borne-muted">Mise à jour le {formatDate(fiche.mise_a_jour)}</p>
      </section>
      {fiche.services.length > 0 && (
        <section aria-labelledby="borne-where-title">
          <h2 id="borne-where-title">Où s’adresser</h2>
          {fiche.services.map((service) => (
            <BorneServiceCard key={service.id} service={service} />
          ))}
        </section>
      )}
      {reglage.satisfaction && <SatisfactionTap />}
    </article>
  );
}
